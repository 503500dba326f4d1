#pragma once

#include <QString>
#include <QStringList>

namespace k8sfc {

/// Decides whether a typed answer matches a card's `answer` or one of its `aliases`.
///
/// Both sides are normalised first (see normalise()); equal normalised texts are Exact. Otherwise
/// a small typo is Forgiven: a Damerau-Levenshtein distance (adjacent transpositions count as one
/// edit) of 1 for expected answers of 4 to 8 characters and of at most 2 for longer ones. Nothing
/// is forgiven for answers under 4 characters ("CRI", "no"), for answers without a letter ("300",
/// "0.1"), or when the numbers in the two texts differ: "10250" never accepts "10205", "v1.24"
/// never accepts "v1.25", because a wrong number is a wrong fact, not a typo.
///
///     AnswerMatcher::match("Kube_APIServer.", "kube-apiserver")  → Exact
///     AnswerMatcher::match("kube-apisever", "kube-apiserver")    → Forgiven
///     AnswerMatcher::match("11", "10")                           → Wrong
class AnswerMatcher
{
public:
    enum class Result { Wrong, Forgiven, Exact };

    /// The comparable form of an answer: NFKC, case folded; backticks and double quotes removed;
    /// typographic dashes and apostrophes made ASCII; `,;!?` before a space or the end, and `.:`
    /// before a space, dropped; a run of `-`, `_` and spaces between letters or digits (not two
    /// digits: "10-20" stays) made one space; whitespace collapsed; punctuation around the whole
    /// answer trimmed; one leading article (the, a, an) dropped.
    static QString normalise(const QString &text);
    static Result match(const QString &typed, const QString &expected);
    /// The best result against `answer` and each alias.
    static Result match(const QString &typed, const QString &answer, const QStringList &aliases);
    /// Edits (insert, delete, substitute, swap two neighbours) between two texts, in code points.
    static int distance(const QString &a, const QString &b);
    /// How many edits a typed answer may be away from the normalised `expected` and be forgiven.
    static int allowedTypos(const QString &normalisedExpected);
    /// The runs of digits in `text`, in order: "v1.24" → {"1", "24"}.
    static QStringList numbersIn(const QString &text);
};

} // namespace k8sfc
