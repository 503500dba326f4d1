#pragma once

#include <QString>

#include <memory>

class QFont;
class QPalette;
class QTextDocument;
class QUrl;

namespace k8sfc {

/// Card and walkthrough Markdown as rich text: the one way the app turns content text into a
/// document (card pane, browser, quiz, presentation, presenter view, PDF handout).
///
/// Content travels between people, so its text is data, never a path into the machine: raw HTML
/// shows as the text it is; a link stays a link only to http(s), and opens only when clicked
/// (CardTextView); a picture is read by the app itself, only from the media/ folder beside the
/// content file (CardMedia), and shows as its alt text otherwise. Qt never reads a file for it.
class CardText
{
public:
    /// A document of `markdown` in `font`, its pictures from the media/ folder beside
    /// `contentFile` (none when it is empty).
    static std::unique_ptr<QTextDocument> document(const QString &markdown, const QString &contentFile,
                                                   const QFont &font);
    /// Colours `document` for a view of `palette`: links, code blocks and inline code (shaded from
    /// the page's colour) and table rules, each at WCAG AA contrast. Prose and headings take the
    /// view's text colour. document() applies the application's palette; a view of another palette
    /// applies its own.
    static void applyPalette(QTextDocument *document, const QPalette &palette);
    /// `markdown` as HTML for a QLabel in `font` on `palette`'s colours, pictures as their alt
    /// text: a label's own document would read any picture's file.
    static QString labelHtml(const QString &markdown, const QFont &font, const QPalette &palette);
    /// Whether a click on `url` may open it: an http or https address of a host.
    static bool isWebLink(const QUrl &url);
    /// "Source: LINK" for a label on `palette`'s window. Qt colours a label's link from the palette
    /// it had when the text was set, so the colour is given, readable on that window.
    static QString sourceLinkHtml(const QString &url, const QPalette &palette);
};

} // namespace k8sfc
