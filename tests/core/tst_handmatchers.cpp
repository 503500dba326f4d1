// The name, id and path-data checks that run at start-up are written by hand (app/DESIGN.md,
// "No regular expression at start-up"). Each is compared with the regular expression it replaced,
// kept here as the reference, on edge cases and on random strings, and accepts what it accepts
// with one difference: PCRE's `$` also matches before a final "\n", so the expressions accept
// "etcd\n" and the hand matchers, rightly for a name, do not. The alphabets hold "\n" so that the
// difference is exercised, and expected.
#include "cardmedia.h"
#include "diagramloader.h"
#include "profiles.h"
#include "registryloader.h"
#include "svgpath.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace k8sfc;

class TestHandMatchers : public QObject
{
    Q_OBJECT
private slots:
    void names_matchTheirExpression();
    void editorIds_matchTheirExpression();
    void profileNames_matchTheirExpression();
    void pathTokens_matchTheirExpression();
    void urlSchemes_matchTheirExpression();

private:
    static QString randomString(QRandomGenerator &random, QStringView alphabet, int maxLength)
    {
        QString s;
        const int n = int(random.bounded(maxLength + 1));
        for (int i = 0; i < n; ++i)
            s.append(alphabet.at(random.bounded(alphabet.size())));
        return s;
    }
    /// What the hand matcher must say: the expression's answer, except that a final "\n" (which
    /// no character class here holds, so `$` alone lets it through) is refused.
    static bool full(const QRegularExpression &re, const QString &s)
    {
        return re.match(s).hasMatch() && !s.endsWith(u'\n');
    }
};

void TestHandMatchers::names_matchTheirExpression()
{
    const QRegularExpression re(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    const QStringList edges{QString(),
                            QStringLiteral("a"),
                            QStringLiteral("-"),
                            QStringLiteral("a-"),
                            QStringLiteral("-a"),
                            QStringLiteral("a--b"),
                            QStringLiteral("kube-apiserver"),
                            QStringLiteral("a-b-c9"),
                            QStringLiteral("A"),
                            QStringLiteral("a_b"),
                            QStringLiteral("é"),
                            QStringLiteral("a b"),
                            QStringLiteral("etcd\n"),
                            QStringLiteral("\netcd")};
    for (const QString &s : edges)
        QVERIFY2(isValidName(s) == full(re, s), qPrintable(s));
    // The difference itself.
    QVERIFY(re.match(QStringLiteral("etcd\n")).hasMatch());
    QVERIFY(!isValidName(QStringLiteral("etcd\n")));
    QRandomGenerator random(42);
    for (int i = 0; i < 20000; ++i) {
        const QString s = randomString(random, u"ab09-_A .\n", 8);
        QVERIFY2(isValidName(s) == full(re, s), qPrintable(s));
    }
}

void TestHandMatchers::editorIds_matchTheirExpression()
{
    const QRegularExpression re(
        QStringLiteral("^(rect|path|g|text|tspan|defs|svg|layer|circle|ellipse|use|image|polygon|polyline|line|stop|"
                       "style|metadata|title|desc|clippath|mask|pattern|marker|symbol|namedview)[0-9]+$"));
    const QStringList edges{QStringLiteral("rect1"),  QStringLiteral("rect"),      QStringLiteral("g12"),
                            QStringLiteral("g"),      QStringLiteral("12"),        QStringLiteral("layer1a"),
                            QStringLiteral("xrect1"), QStringLiteral("polyline7"), QStringLiteral("etcd"),
                            QStringLiteral("path-1"), QStringLiteral("rect1\n"),   QString()};
    for (const QString &s : edges)
        QVERIFY2(isEditorId(s) == full(re, s), qPrintable(s));
    QRandomGenerator random(7);
    const QStringList words{QStringLiteral("rect"), QStringLiteral("g"),    QStringLiteral("path"),
                            QStringLiteral("line"), QStringLiteral("text"), QStringLiteral("x")};
    for (int i = 0; i < 20000; ++i) {
        const QString s = words.at(random.bounded(words.size())) + randomString(random, u"019ag-\n", 4);
        QVERIFY2(isEditorId(s) == full(re, s), qPrintable(s));
    }
}

void TestHandMatchers::profileNames_matchTheirExpression()
{
    const QRegularExpression re(QStringLiteral("^[\\p{L}\\p{N}_-][\\p{L}\\p{N} _-]{0,39}$"));
    const QStringList edges{QString(),
                            QStringLiteral(" a"),
                            QStringLiteral("a "),
                            QStringLiteral("Zoë"),
                            QStringLiteral("田中"),
                            QStringLiteral("a/b"),
                            QStringLiteral("-"),
                            QString(40, u'x'),
                            QString(41, u'x'),
                            QStringLiteral("𠀀x"), // a letter outside the BMP: one code point
                            QString(39, u'x') + QStringLiteral("𠀀"),
                            QStringLiteral("Zoë\n")};
    for (const QString &s : edges)
        QVERIFY2(Profiles::isValidName(s) == full(re, s), qPrintable(s));
    QRandomGenerator random(3);
    for (int i = 0; i < 20000; ++i) {
        const QString s = randomString(random, u"aZ9 _-./é田\u0660\n", 44);
        QVERIFY2(Profiles::isValidName(s) == full(re, s), qPrintable(s));
    }
}

void TestHandMatchers::pathTokens_matchTheirExpression()
{
    const QRegularExpression re(QStringLiteral("([MmLlHhVvQqCcZzTtSs])|(-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"));
    auto expected = [&](const QString &d) {
        QList<SvgPathToken> out;
        auto it = re.globalMatch(d);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedLength(1))
                out.append({m.captured(1).at(0), {}});
            else
                out.append({QChar(), QStringView(d).mid(m.capturedStart(2), m.capturedLength(2))});
        }
        return out;
    };
    const QStringList edges{QStringLiteral("M10,10 L20-5.5e3 z"),
                            QStringLiteral("12."),
                            QStringLiteral("1.5.5"),
                            QStringLiteral("-.5"),
                            QStringLiteral("-"),
                            QStringLiteral("1e"),
                            QStringLiteral("1e+"),
                            QStringLiteral("1e5"),
                            QStringLiteral("--1"),
                            QStringLiteral(".e5"),
                            QStringLiteral("+5"),
                            QStringLiteral("a1 A2")};
    for (const QString &d : edges)
        QVERIFY2(svgPathTokens(d) == expected(d), qPrintable(d));
    QRandomGenerator random(11);
    for (int i = 0; i < 20000; ++i) {
        const QString d = randomString(random, u"0159.-+eE MmLzZAqx,\n", 16);
        QVERIFY2(svgPathTokens(d) == expected(d), qPrintable(d));
    }
}

void TestHandMatchers::urlSchemes_matchTheirExpression()
{
    const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    const QStringList edges{QString(),
                            QStringLiteral("https://k8s.io/x.png"),
                            QStringLiteral("file:///etc/hosts"),
                            QStringLiteral("data:image/png;base64,AA"),
                            QStringLiteral("c:/x.png"),
                            QStringLiteral("media/x.png"),
                            QStringLiteral("media/a:b.png"),
                            QStringLiteral("9p:x"),
                            QStringLiteral(":x"),
                            QStringLiteral("a+b.c-d:"),
                            QStringLiteral("é:x")};
    for (const QString &s : edges)
        QVERIFY2(CardMedia::hasUrlScheme(s) == re.match(s).hasMatch(), qPrintable(s));
    QRandomGenerator random(11);
    for (int i = 0; i < 20000; ++i) {
        const QString s = randomString(random, u"aZ9+.-:/_ é", 8);
        QVERIFY2(CardMedia::hasUrlScheme(s) == re.match(s).hasMatch(), qPrintable(s));
    }
}

QTEST_GUILESS_MAIN(TestHandMatchers)
#include "tst_handmatchers.moc"
