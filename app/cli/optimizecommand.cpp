#include "optimizecommand.h"

#include "contentfile.h"
#include "fsrsoptimizer.h"
#include "fsrsparameters.h"
#include "fsrspretrain.h"
#include "historycsv.h"

#include <QFile>
#include <QLocale>
#include <QTextStream>

namespace k8sfc::cli {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// The whole input, or why it cannot be read. Reads one byte past the limit, so endless input
/// (/dev/zero, a runaway pipe) is never held whole.
std::optional<QByteArray> readAll(const QString &path, QString *problem)
{
    QFile file;
    const bool fromStdin = path == QLatin1String("-");
    const std::optional<QString> unreadable =
        !fromStdin ? openRegularFile(path, file)
                   : (file.open(stdin, QIODevice::ReadOnly) ? std::nullopt : std::optional(file.errorString()));
    if (unreadable) {
        *problem = QStringLiteral("cannot read %1: %2").arg(path, *unreadable);
        return std::nullopt;
    }
    QByteArray input;
    while (input.size() <= OptimizeCommand::kMaxBytes) {
        const QByteArray chunk = file.read(OptimizeCommand::kMaxBytes + 1 - input.size());
        if (chunk.isEmpty())
            break;
        input += chunk;
    }
    if (input.size() > OptimizeCommand::kMaxBytes) {
        *problem = QStringLiteral("%1: the input is over the %2 MiB limit for a review history")
                       .arg(path)
                       .arg(OptimizeCommand::kMaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    return input;
}

QString json(const FsrsItemSet &set, const std::array<double, 21> &w, qsizetype rows)
{
    std::array<double, 21> defaults{};
    std::copy(FsrsParameters::kDefaultWeights.begin(), FsrsParameters::kDefaultWeights.end(), defaults.begin());
    // The items fsrs-rs fits and evaluates: those its outlier filter keeps.
    const std::vector<FsrsItem> items = FsrsPretrain::evaluationItems(set);
    const FsrsMetrics fitted = FsrsEvaluator::evaluate(set, items, w);
    const FsrsMetrics before = FsrsEvaluator::evaluate(set, items, defaults);
    QStringList parameters;
    for (const double x : w)
        parameters.append(number(x));
    return QStringLiteral("{\"parameters\": [%1], \"reviews\": %2, \"items\": %3, \"log_loss\": %4, "
                          "\"rmse_bins\": %5, \"default_log_loss\": %6, \"default_rmse_bins\": %7}\n")
        .arg(parameters.join(QStringLiteral(", ")))
        .arg(rows)
        .arg(items.size())
        .arg(number(fitted.logLoss), number(fitted.rmseBins), number(before.logLoss), number(before.rmseBins));
}

} // namespace

int OptimizeCommand::run(const QString &path, int dayStart, bool longTerm)
{
    QTextStream err(stderr);
    QString problem;
    const std::optional<QByteArray> input = readAll(path, &problem);
    if (!input) {
        err << "k8s-flashcards optimize: " << problem << Qt::endl;
        return 2;
    }
    Diagnostics rejected;
    QList<CardEvent> resets;
    const QList<ReviewEntry> log = HistoryCsv::read(*input, path, rejected, QDateTime::currentDateTimeUtc(), &resets);
    if (!rejected.isEmpty()) {
        for (const Diagnostic &d : std::as_const(rejected))
            err << d.toString() << '\n';
        err << "k8s-flashcards optimize: nothing was fitted" << Qt::endl;
        return 2;
    }
    const FsrsItemSet set = FsrsItemSet::build(log, localDayCounter(dayStart), HistoryCsv::lastResets(resets));
    FsrsOptimizer::Options options;
    options.shortTerm = !longTerm;
    const FsrsOptimizer::Result fit = FsrsOptimizer::fit(set, options);
    if (fit.outcome != FsrsOptimizer::Outcome::Fitted) {
        err << "k8s-flashcards optimize: too few reviews to fit: " << set.items().size()
            << " reviews on a later day than the card's review before (at least " << FsrsOptimizer::kMinItems
            << " with the same first grade and the same first interval are needed)" << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << json(set, fit.weights, log.size());
    out.flush();
    return 0;
}

} // namespace k8sfc::cli
