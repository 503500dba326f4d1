#include "profiles.h"

#include <QDir>
#include <QRegularExpression>

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

bool Profiles::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[\\p{L}\\p{N}_-][\\p{L}\\p{N} _-]{0,39}$"));
    return re.match(name).hasMatch();
}

} // namespace k8sfc
