#include "answermatcher.h"

#include <QList>

#include <algorithm>

namespace k8sfc {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

bool isSeparator(QChar c)
{
    return c == u'-' || c == u'_' || c == u' ';
}

/// Punctuation around the whole answer says nothing about it: "`etcd`.", "(Pending)".
bool isEdgePunctuation(QChar c)
{
    return c.isPunct() || c == u'\'';
}

QString mapCharacters(const QString &in)
{
    QString out;
    out.reserve(in.size());
    for (const QChar c : in) {
        if (c == u'`' || c == u'"' || c == u'\u201C' || c == u'\u201D')
            continue; // code and quotation marks never change what an answer says
        if (c.category() == QChar::Punctuation_Dash)
            out += u'-'; // en and em dashes from autocorrecting keyboards
        else if (c == u'\u2018' || c == u'\u2019' || c == u'\u02BC')
            out += u'\'';
        else if (c.isSpace())
            out += u' ';
        else
            out += c;
    }
    return out;
}

/// "Calico, Cilium." reads as "Calico Cilium"; "system:anonymous" and "v1.24" keep their marks.
QString dropSentencePunctuation(const QString &in)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        const bool atEnd = i + 1 == in.size();
        const bool beforeSpace = !atEnd && in.at(i + 1) == u' ';
        const bool clause = c == u',' || c == u';' || c == u'!' || c == u'?';
        const bool stop = c == u'.' || c == u':';
        out += ((clause && (atEnd || beforeSpace)) || (stop && beforeSpace)) ? u' ' : c;
    }
    return out;
}

/// "kube-apiserver", "kube_apiserver" and "kube apiserver" are one answer; "10-20" is not "10 20".
QString unifySeparators(const QString &in)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size();) {
        if (!isSeparator(in.at(i))) {
            out += in.at(i++);
            continue;
        }
        qsizetype end = i;
        bool joiner = false;
        for (; end < in.size() && isSeparator(in.at(end)); ++end)
            joiner = joiner || in.at(end) != u' ';
        const bool between = i > 0 && end < in.size() && isWordChar(in.at(i - 1)) && isWordChar(in.at(end));
        const bool digits = between && in.at(i - 1).isDigit() && in.at(end).isDigit();
        if (joiner && between && !digits)
            out += u' ';
        else
            out += QStringView(in).mid(i, end - i);
        i = end;
    }
    return out;
}

QString trimEdges(QString s)
{
    for (;;) {
        s = s.trimmed();
        if (!s.isEmpty() && isEdgePunctuation(s.front()))
            s.remove(0, 1);
        else if (!s.isEmpty() && isEdgePunctuation(s.back()))
            s.chop(1);
        else
            return s;
    }
}

QString dropArticle(const QString &s)
{
    for (const QLatin1String article : {QLatin1String("the "), QLatin1String("a "), QLatin1String("an ")})
        if (s.startsWith(article) && s.size() > article.size())
            return s.mid(article.size());
    return s;
}

} // namespace

QString AnswerMatcher::normalise(const QString &text)
{
    QString s = mapCharacters(text.normalized(QString::NormalizationForm_KC).toCaseFolded());
    s = unifySeparators(dropSentencePunctuation(s)).simplified();
    return dropArticle(trimEdges(s));
}

QStringList AnswerMatcher::numbersIn(const QString &s)
{
    QStringList out;
    QString run;
    for (const QChar c : s) {
        if (c.isDigit()) {
            run += c;
        } else if (!run.isEmpty()) {
            out.append(run);
            run.clear();
        }
    }
    if (!run.isEmpty())
        out.append(run);
    return out;
}

int AnswerMatcher::allowedTypos(const QString &normalisedExpected)
{
    if (!std::any_of(normalisedExpected.cbegin(), normalisedExpected.cend(), [](QChar c) { return c.isLetter(); }))
        return 0;
    const qsizetype length = normalisedExpected.toUcs4().size();
    if (length < 4)
        return 0;
    return length <= 8 ? 1 : 2;
}

int AnswerMatcher::distance(const QString &a, const QString &b)
{
    // Optimal string alignment: Levenshtein plus the swap of two neighbours, over code points.
    const QList<uint> s = a.toUcs4(), t = b.toUcs4();
    const qsizetype n = s.size(), m = t.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = s.at(i - 1) == t.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && s.at(i - 1) == t.at(j - 2) && s.at(i - 2) == t.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

AnswerMatcher::Result AnswerMatcher::match(const QString &typed, const QString &expected)
{
    const QString t = normalise(typed), e = normalise(expected);
    if (t.isEmpty() || e.isEmpty())
        return Result::Wrong;
    if (t == e)
        return Result::Exact;
    const int allowed = allowedTypos(e);
    if (allowed == 0 || numbersIn(t) != numbersIn(e))
        return Result::Wrong;
    return distance(t, e) <= allowed ? Result::Forgiven : Result::Wrong;
}

AnswerMatcher::Result AnswerMatcher::match(const QString &typed, const QString &answer, const QStringList &aliases)
{
    Result best = match(typed, answer);
    for (const QString &alias : aliases) {
        if (best == Result::Exact)
            break;
        best = std::max(best, match(typed, alias));
    }
    return best;
}

} // namespace k8sfc
