#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace k8sfc {

/// One record of a delimited file, with the 1-based line it starts on (a quoted field may span
/// several lines).
struct CsvRecord
{
    QStringList fields;
    int line = 0;
};

/// RFC 4180 reading and writing: fields separated by one character, a field quoted with `"` when
/// it holds the separator, a quote or a line break, and `""` for a quote inside quotes. The same
/// rules serve CSV (`,` or `;`) and TSV (tab).
///
/// ```
/// Diagnostics problems;
/// const auto records = CsvFormat::parse(bytes, CsvFormat::detectDelimiter(bytes), path, problems);
/// ```
class CsvFormat
{
public:
    /// Reads UTF-8 text (a leading byte-order mark is skipped). Line ends may be CRLF, LF or CR;
    /// inside quotes they are kept as written. A record that breaks the quoting rules is left out
    /// and reported (file:line:column); reading goes on with the next line. Blank lines are skipped.
    static QList<CsvRecord> parse(const QByteArray &text, QChar delimiter, const QString &fileName,
                                  Diagnostics &problems);
    /// The separator the first record uses most, outside quotes: tab, `;`, `|` or `,` (the default).
    static QChar detectDelimiter(const QByteArray &text);

    /// One field, quoted when it must be. Fields with leading or trailing blanks are quoted too, so
    /// that spreadsheets keep them.
    static QString field(const QString &value, QChar delimiter);
    /// A whole record, ending with CRLF as RFC 4180 asks.
    static QString record(const QStringList &fields, QChar delimiter);
};

} // namespace k8sfc
