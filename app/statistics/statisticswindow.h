#pragma once

#include <QWidget>

#include <optional>

class QChartView;
class QLabel;
class QSortFilterProxyModel;

namespace k8sfc {

class ContentSet;
class Grader;
class MasteryStore;
class MasteryTableModel;
struct StudySettings;

/// Statistics: reviews per day, true retention over time, the due forecast and a sortable table
/// of mastery per component. Plots are Qt Charts; the numbers come from MasteryStore queries.
///
/// Built as a plugin (statistics.so), so Qt Charts is loaded only when the window is first opened
/// (StatisticsLoader). The app reaches it through Qt's meta-object system only: refresh() is a
/// slot and the values tests read are properties, so no C++ type crosses the plugin boundary.
class StatisticsWindow : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QList<int> reviewsPerDayValues READ reviewsPerDayValues)
    Q_PROPERTY(QList<int> forecastValues READ forecastValues)
    Q_PROPERTY(QObject *masteryModel READ masteryModelObject)
    Q_PROPERTY(QObject *sortedMasteryModel READ sortedMasteryModelObject)
public:
    StatisticsWindow(const ContentSet &content, MasteryStore &store, const Grader &grader, QWidget *parent = nullptr);

    MasteryTableModel *masteryModel() const { return m_model; }
    QSortFilterProxyModel *sortedMasteryModel() const { return m_sorted; }
    /// The plotted values, for tests and for the accessible description of each chart.
    QList<int> reviewsPerDayValues() const { return m_reviewValues; }
    QList<int> forecastValues() const { return m_forecastValues; }

public slots:
    /// Re-reads everything from the store (after grades, on opening).
    void refresh();

private:
    QObject *masteryModelObject() const;
    QObject *sortedMasteryModelObject() const;
    // Each returns why its data could not be read, and then leaves its chart as it was.
    std::optional<QString> plotReviews(const StudySettings &settings);
    std::optional<QString> plotRetention(const StudySettings &settings);
    std::optional<QString> plotForecast(const StudySettings &settings);
    std::optional<QString> showSummary(const StudySettings &settings);

    const ContentSet &m_content;
    MasteryStore &m_store;
    const Grader &m_grader;
    QLabel *m_summary;
    QChartView *m_reviews;
    QChartView *m_retention;
    QChartView *m_forecast;
    MasteryTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QList<int> m_reviewValues;
    QList<int> m_forecastValues;
};

} // namespace k8sfc
