#include "profiles.h"

#include <QDir>

namespace k8sfc {

QStringList Profiles::list(const QString &dataDir)
{
    QStringList names{QString::fromLatin1(kDefault)};
    const QDir dir(QDir(dataDir).filePath(QStringLiteral("profiles")));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::IgnoreCase))
        if (isValidName(name) && name != QLatin1String(kDefault))
            names.append(name);
    return names;
}

QString Profiles::folder(const QString &dataDir, const QString &name)
{
    if (name.isEmpty() || name == QLatin1String(kDefault))
        return dataDir;
    if (!isValidName(name))
        return {};
    return QDir(dataDir).filePath(QStringLiteral("profiles/") + name);
}

bool Profiles::exists(const QString &dataDir, const QString &name)
{
    return list(dataDir).contains(name);
}

// ^[\p{L}\p{N}_-][\p{L}\p{N} _-]{0,39}$ over code points
bool Profiles::isValidName(const QString &name)
{
    const QList<uint> points = name.toUcs4();
    if (points.isEmpty() || points.size() > 40)
        return false;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const char32_t c = points.at(i);
        const bool ok = QChar::isLetterOrNumber(c) || c == U'_' || c == U'-' || (i > 0 && c == U' ');
        if (!ok)
            return false;
    }
    return true;
}

} // namespace k8sfc
