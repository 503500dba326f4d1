#include "svgsanitizer.h"

#include <QXmlStreamReader>

namespace k8sfc {

namespace {

/// A reference as quoted in a message: at most 60 characters.
QString quoted(QStringView reference)
{
    const QString text =
        reference.size() > 60 ? reference.left(57).toString() + QStringLiteral("...") : reference.toString();
    return u'"' + text + u'"';
}

/// The first target of `url(...)` in CSS (a style attribute, a presentation attribute such as
/// fill, or a <style> element) that is neither `#id` nor `data:`; or `@import`, which loads a
/// stylesheet. Qt 6.4 follows neither; both are refused so that no later Qt can.
std::optional<QString> externalCssReference(QStringView css, bool importAllowed = false)
{
    const auto at = [&](qsizetype i, QLatin1String word) {
        return css.sliced(i).startsWith(word, Qt::CaseInsensitive);
    };
    for (qsizetype i = 0; i < css.size(); ++i) {
        if (!importAllowed && at(i, QLatin1String("@import")))
            return QStringLiteral("@import");
        if (!at(i, QLatin1String("url(")))
            continue;
        qsizetype end = css.indexOf(u')', i + 4);
        end = end < 0 ? css.size() : end;
        QStringView target = css.sliced(i + 4, end - i - 4).trimmed();
        if (target.size() >= 2 && (target.front() == u'"' || target.front() == u'\'') &&
            target.back() == target.front())
            target = target.sliced(1, target.size() - 2).trimmed();
        if (!target.startsWith(u'#') && !target.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
            return QStringLiteral("url(") + target.toString() + u')';
        i = end;
    }
    return std::nullopt;
}

/// The media type of a picture Qt decodes without reading anything else, by its first bytes.
std::optional<QLatin1String> rasterType(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QLatin1String("image/png");
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QLatin1String("image/jpeg");
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return QLatin1String("image/gif");
    if (bytes.startsWith("BM"))
        return QLatin1String("image/bmp");
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QLatin1String("image/webp");
    return std::nullopt;
}

/// An `<image>`'s href rewritten as the one form Qt decodes in memory, `data:TYPE;base64,...`,
/// from exactly the bytes Qt would decode (after the last "base64,", as Qt reads it); or nothing.
std::optional<QString> embeddedPicture(QStringView href)
{
    const QStringView trimmed = href.trimmed();
    const qsizetype marker = trimmed.lastIndexOf(QLatin1String("base64,"));
    if (!trimmed.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) || marker < 0)
        return std::nullopt;
    const QByteArray bytes = QByteArray::fromBase64(trimmed.sliced(marker + 7).toLatin1());
    const auto type = rasterType(bytes);
    if (!type)
        return std::nullopt;
    return QStringLiteral("data:") + *type + QStringLiteral(";base64,") + QString::fromLatin1(bytes.toBase64());
}

} // namespace

SvgSanitizer::SvgSanitizer(const QString &fileName, Diagnostics &diagnostics)
    : m_file(fileName), m_diagnostics(diagnostics)
{}

void SvgSanitizer::copy(const QXmlStreamReader &xml)
{
    switch (xml.tokenType()) {
    case QXmlStreamReader::StartElement: startElement(xml); break;
    case QXmlStreamReader::EndElement:
        if (m_depth-- == m_styleDepth) {
            flushStyle(xml);
            m_styleDepth = -1;
        }
        m_writer.writeEndElement();
        break;
    case QXmlStreamReader::Characters: characters(xml); break;
    case QXmlStreamReader::ProcessingInstruction:
        if (xml.processingInstructionTarget() == QLatin1String("xml-stylesheet"))
            report(xml, QStringLiteral("<?xml-stylesheet?> loads a stylesheet from outside the diagram; put the "
                                       "rules in a <style> element"));
        break;
    default: break; // the DTD (its entities are already expanded), comments, unresolved entities
    }
}

void SvgSanitizer::startElement(const QXmlStreamReader &xml)
{
    if (m_styleDepth == m_depth)
        flushStyle(xml);
    ++m_depth;
    if (xml.name() == QLatin1String("style"))
        m_styleDepth = m_depth;
    m_writer.writeStartElement(xml.qualifiedName().toString());
    for (const QXmlStreamNamespaceDeclaration &ns : xml.namespaceDeclarations())
        m_writer.writeAttribute(ns.prefix().isEmpty() ? QStringLiteral("xmlns")
                                                      : QStringLiteral("xmlns:") + ns.prefix().toString(),
                                ns.namespaceUri().toString());
    for (const QXmlStreamAttribute &attribute : xml.attributes())
        if (const auto value = attributeValue(xml, attribute.name(), attribute.value()))
            m_writer.writeAttribute(attribute.qualifiedName().toString(), *value);
}

std::optional<QString> SvgSanitizer::attributeValue(const QXmlStreamReader &xml, QStringView name, QStringView value)
{
    const QString element = u'<' + xml.name().toString() + u'>';
    if (name == QLatin1String("href") && xml.name() == QLatin1String("image")) {
        if (const auto picture = embeddedPicture(value))
            return picture;
        report(xml, value.trimmed().startsWith(QLatin1String("data:"), Qt::CaseInsensitive)
                        ? element + QStringLiteral(" embeds data that is not a base64 PNG, JPEG, GIF, BMP or WebP "
                                                   "picture")
                        : element + QStringLiteral(" loads %1 from outside the diagram; embed the picture as a "
                                                   "data: URI (base64 PNG, JPEG or GIF)")
                                        .arg(quoted(value)));
        return std::nullopt;
    }
    if (name == QLatin1String("href") && !value.trimmed().startsWith(u'#')) {
        report(xml, element + QStringLiteral(" refers to %1 outside this file; only #id references within the file "
                                             "are allowed")
                                  .arg(quoted(value)));
        return std::nullopt;
    }
    if (const auto css = externalCssReference(value, name != QLatin1String("style"))) {
        report(xml, QStringLiteral("\"%1\" of %2 refers to %3 outside this file; only url(#id) is allowed")
                        .arg(name, element, quoted(*css)));
        return std::nullopt;
    }
    return value.toString();
}

void SvgSanitizer::characters(const QXmlStreamReader &xml)
{
    if (m_styleDepth == m_depth) // checked whole: a CDATA section can split a url( in two
        m_styleText += xml.text();
    else if (xml.isCDATA())
        m_writer.writeCDATA(xml.text().toString());
    else
        m_writer.writeCharacters(xml.text().toString());
}

void SvgSanitizer::flushStyle(const QXmlStreamReader &xml)
{
    if (const auto css = externalCssReference(m_styleText))
        report(xml, QStringLiteral("<style> refers to %1 outside this file; only url(#id) is allowed, and no @import")
                        .arg(quoted(*css)));
    else
        m_writer.writeCharacters(m_styleText);
    m_styleText.clear();
}

void SvgSanitizer::report(const QXmlStreamReader &xml, const QString &message)
{
    m_diagnostics.append(Diagnostic{m_file, int(xml.lineNumber()), int(xml.columnNumber()), message});
}

} // namespace k8sfc
