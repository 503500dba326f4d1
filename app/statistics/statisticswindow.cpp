#include "statisticswindow.h"

#include "masterytablemodel.h"
#include "theme.h"

#include <QCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QStackedBarSeries>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

constexpr int kHistoryDays = StatisticsInput::kHistoryDays;
constexpr int kRetentionWeeks = StatisticsInput::kRetentionWeeks;
constexpr int kForecastDays = StatisticsInput::kForecastDays;
static_assert(7 * (kRetentionWeeks - 1) >= kHistoryDays - 1, "the days for retention cover the history too");

QChartView *makeChartView(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 220); // two abreast on an 800-pixel-wide screen
    view->setAccessibleName(title);
    return view;
}

void resetChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis), delete axis;
}

// Bars sit at 0..n-1 on a value axis; a category axis over it names every seventh day, so the
// labels have room to be read.
QCategoryAxis *dayAxis(const QDate &first, int days, const QString &firstLabel)
{
    auto *axis = new QCategoryAxis;
    axis->setRange(-0.5, days - 0.5);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < days; i += 7)
        axis->append(i == 0 ? firstLabel : first.addDays(i).toString(QStringLiteral("MMM d")), i);
    axis->setStartValue(-0.5);
    return axis;
}

QValueAxis *countAxis(int max)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(4, max + max / 8 + 1));
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->applyNiceNumbers();
    return axis;
}

} // namespace

StatisticsWindow::StatisticsWindow(const StatisticsInput &input, QWidget *parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(QStringLiteral("Statistics"));
    setAccessibleName(QStringLiteral("Statistics"));
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_reviews = makeChartView(QStringLiteral("Reviews per day (last %1 days)").arg(kHistoryDays));
    m_retention = makeChartView(QStringLiteral("True retention per week"));
    m_forecast = makeChartView(QStringLiteral("Due in the next %1 days").arg(kForecastDays));

    m_model = new MasteryTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::UserRole);
    auto *table = new QTableView;
    table->setObjectName(QStringLiteral("masteryTable"));
    table->setAccessibleName(QStringLiteral("Mastery per component"));
    table->setModel(m_sorted);
    table->setSortingEnabled(true);
    table->sortByColumn(MasteryTableModel::Mastery, Qt::AscendingOrder);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(MasteryTableModel::Name, QHeaderView::Stretch);
    table->setWordWrap(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *grid = new QGridLayout;
    grid->addWidget(m_reviews, 0, 0);
    grid->addWidget(m_retention, 0, 1);
    grid->addWidget(m_forecast, 1, 0);
    grid->addWidget(table, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
    resize(1180, 780);
    refresh(input);
}

QObject *StatisticsWindow::masteryModelObject() const
{
    return m_model;
}

QObject *StatisticsWindow::sortedMasteryModelObject() const
{
    return m_sorted;
}

void StatisticsWindow::refresh(const StatisticsInput &input)
{
    plotReviews(input);
    plotRetention(input);
    plotForecast(input);
    m_model->setComponents(input.components);
    m_summary->setText(QStringLiteral("<b>%1</b> reviews logged in all. Today: <b>%2</b> new cards, <b>%3</b> reviews. "
                                      "Desired retention: %4%.")
                           .arg(input.reviewCount)
                           .arg(input.newToday)
                           .arg(input.reviewsToday)
                           .arg(qRound(input.desiredRetention * 100)));
}

void StatisticsWindow::plotReviews(const StatisticsInput &input)
{
    const QList<StatisticsInput::Day> days = input.days.mid(std::max<qsizetype>(0, input.days.size() - kHistoryDays));
    const QDate from = input.today.addDays(1 - kHistoryDays);
    auto *again = new QBarSet(QStringLiteral("Again"));
    auto *passed = new QBarSet(QStringLiteral("Hard, Good or Easy"));
    again->setColor(theme::masteryColour(0));
    passed->setColor(theme::masteryColour(theme::kMasteryClasses - 1));
    int max = 0;
    m_reviewValues.clear();
    for (const StatisticsInput::Day &r : days) {
        *again << r.again;
        *passed << (r.reviews - r.again);
        max = std::max(max, r.reviews);
        m_reviewValues.append(r.reviews);
    }
    auto *series = new QStackedBarSeries;
    series->append(again);
    series->append(passed);
    QChart *chart = m_reviews->chart();
    resetChart(chart);
    chart->addSeries(series);
    QCategoryAxis *x = dayAxis(from, kHistoryDays, from.toString(QStringLiteral("MMM d")));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

void StatisticsWindow::plotRetention(const StatisticsInput &input)
{
    const QDate today = input.today;
    const QDate firstMonday = today.addDays(1 - today.dayOfWeek()).addDays(-7 * (kRetentionWeeks - 1));
    QList<int> reviews(kRetentionWeeks, 0), passed(kRetentionWeeks, 0);
    for (const StatisticsInput::Day &d : input.days) {
        const qint64 week = firstMonday.daysTo(d.day) / 7;
        if (week < 0 || week >= kRetentionWeeks)
            continue;
        reviews[week] += d.matureReviews;
        passed[week] += d.maturePassed;
    }
    auto *line = new QLineSeries;
    line->setName(QStringLiteral("Passed reviews of mature cards"));
    auto *points = new QScatterSeries;
    points->setMarkerSize(9);
    points->setColor(theme::masteryColour(theme::kMasteryClasses - 1));
    line->setColor(theme::masteryColour(theme::kMasteryClasses - 1));
    for (int w = 0; w < kRetentionWeeks; ++w) {
        if (reviews[w] == 0)
            continue;
        const qreal x = QDateTime(firstMonday.addDays(7 * w), QTime(12, 0)).toMSecsSinceEpoch();
        line->append(x, 100.0 * passed[w] / reviews[w]);
        points->append(x, 100.0 * passed[w] / reviews[w]);
    }
    auto *target = new QLineSeries;
    target->setName(QStringLiteral("Desired retention"));
    QPen dashed(QColor(0x6B, 0x72, 0x80), 1.5, Qt::DashLine);
    target->setPen(dashed);
    const qreal x0 = QDateTime(firstMonday, QTime(0, 0)).toMSecsSinceEpoch();
    const qreal x1 = QDateTime(today.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    target->append(x0, input.desiredRetention * 100);
    target->append(x1, input.desiredRetention * 100);
    QChart *chart = m_retention->chart();
    resetChart(chart);
    chart->addSeries(target);
    chart->addSeries(line);
    chart->addSeries(points);
    chart->legend()->markers(points).first()->setVisible(false);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM d"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(x0)), QDateTime::fromMSecsSinceEpoch(qint64(x1)));
    x->setTickCount(7);
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(target), static_cast<QAbstractSeries *>(line),
                               static_cast<QAbstractSeries *>(points)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void StatisticsWindow::plotForecast(const StatisticsInput &input)
{
    auto *set = new QBarSet(QStringLiteral("Cards due"));
    set->setColor(QColor(0x5B, 0x8D, 0xD6));
    int max = 0;
    m_forecastValues.clear();
    for (const int due : input.due) {
        *set << due;
        max = std::max(max, due);
    }
    m_forecastValues = input.due;
    auto *series = new QBarSeries;
    series->append(set);
    QChart *chart = m_forecast->chart();
    resetChart(chart);
    chart->addSeries(series);
    chart->legend()->hide();
    QCategoryAxis *x = dayAxis(input.today, int(input.due.size()), QStringLiteral("Today"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

} // namespace k8sfc

// The plugin's entry points, the only symbols it exports, looked up by name by StatisticsLoader.
// The stamp is asked first, by a signature that never changes, so a plugin of another build is
// refused before it is handed a value whose layout it may not share; the factory checks it again.
extern "C" Q_DECL_EXPORT const char *k8sfc_statistics_stamp()
{
    return K8SFC_BUILD_STAMP;
}

extern "C" Q_DECL_EXPORT QWidget *k8sfc_create_statistics(const char *stamp, const k8sfc::StatisticsInput &input,
                                                          QWidget *parent)
{
    if (qstrcmp(stamp, K8SFC_BUILD_STAMP) != 0)
        return nullptr;
    return new k8sfc::StatisticsWindow(input, parent);
}
