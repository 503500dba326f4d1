#pragma once

#include <QString>

#include <functional>

namespace k8sfc {

/// The Markdown the decks use as HTML for other programs (Anki), by md4c's renderer with GitHub's
/// tables and strikethrough.
///
/// Safe: raw HTML in a card is text (md4c's MD_FLAG_NOHTML), so every tag in the output is md4c's;
/// a link whose address is not https:// keeps only its text, and a picture only its alt text. The result is one line
/// with no tab and no double quote (attributes are in single quotes; a code block's lines are
/// joined with `<br>`), so it fits in one field of a tab-separated file.
class MarkdownHtml
{
public:
    /// The file name a picture's address (as written in the Markdown) goes by where the HTML is
    /// read, or "" to keep only its alt text.
    using PictureNamer = std::function<QString(const QString &source)>;

    /// `MarkdownHtml::toHtml("Use **`kubectl`**")` → `<p>Use <strong><code>kubectl</code></strong></p>`
    /// With `pictures`, a picture it names becomes `<img src='NAME'>` (Anki's media convention: a
    /// file of that name in the collection's media folder).
    static QString toHtml(const QString &markdown, const PictureNamer &pictures = {});
    /// HTML-escaped text (`&`, `<`, `>`, `"`) with tabs as `&#9;` and line breaks as `<br>`.
    static QString escapeText(const QString &text);
};

} // namespace k8sfc
