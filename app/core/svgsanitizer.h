#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QXmlStreamWriter>

#include <optional>

class QXmlStreamReader;

namespace k8sfc {

/// Copies an SVG, token by token as DiagramLoader reads it, into a form Qt SVG can draw without
/// opening anything. Qt SVG 6.4 takes an `<image>`'s href as a file name (relative to the SVG,
/// or to the working folder when it is handed bytes) and a `<?xml-stylesheet?>` as a CSS file to
/// read: a diagram could show any picture the learner can read, or hang the app on a FIFO.
/// Every reference out of the file is an error naming the element, and is left out of the copy.
/// Kept: `#id` references, and pictures embedded as base64 PNG, JPEG, GIF, BMP or WebP, checked
/// by their bytes (Qt picks the decoder by content, and an embedded SVG could refer to files in
/// turn). The DTD, comments and processing instructions are not copied.
class SvgSanitizer
{
public:
    SvgSanitizer(const QString &fileName, Diagnostics &diagnostics);
    /// Copies the reader's current token.
    void copy(const QXmlStreamReader &xml);
    /// The copy so far, in UTF-8.
    QByteArray result() const { return m_out; }

private:
    void startElement(const QXmlStreamReader &xml);
    void characters(const QXmlStreamReader &xml);
    /// Writes the text of the <style> element read so far, unless it refers outside the file.
    void flushStyle(const QXmlStreamReader &xml);
    /// The value to write for an attribute, or nothing to leave it out (reported).
    std::optional<QString> attributeValue(const QXmlStreamReader &xml, QStringView name, QStringView value);
    void report(const QXmlStreamReader &xml, const QString &message);

    const QString &m_file;
    Diagnostics &m_diagnostics;
    QByteArray m_out;
    QXmlStreamWriter m_writer{&m_out};
    int m_depth = 0;
    int m_styleDepth = -1; ///< depth of the open <style> element, -1 outside one
    QString m_styleText;
};

} // namespace k8sfc
