#pragma once

#include <QString>

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
    /// `MarkdownHtml::toHtml("Use **`kubectl`**")` → `<p>Use <strong><code>kubectl</code></strong></p>`
    static QString toHtml(const QString &markdown);
    /// HTML-escaped text (`&`, `<`, `>`, `"`) with tabs as `&#9;` and line breaks as `<br>`.
    static QString escapeText(const QString &text);
};

} // namespace k8sfc
