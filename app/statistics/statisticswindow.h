#pragma once

#include "statisticsinput.h"

#include <QWidget>

class QChartView;
class QLabel;
class QSortFilterProxyModel;

namespace k8sfc {

class MasteryTableModel;

/// Statistics: reviews per day, true retention over time, the due forecast and a sortable table
/// of mastery per component. Plots are Qt Charts.
///
/// Built as a plugin, so Qt Charts is loaded only when the window is first opened
/// (StatisticsLoader). It never touches the app's objects: it draws the plain values the app
/// computed (StatisticsInput), given to its factory and to refresh(), a slot. The loader refuses a
/// plugin of another build, since both sides must agree on StatisticsInput. Tests read the plotted
/// values as properties.
class StatisticsWindow : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QList<int> reviewsPerDayValues READ reviewsPerDayValues)
    Q_PROPERTY(QList<int> forecastValues READ forecastValues)
    Q_PROPERTY(QObject *masteryModel READ masteryModelObject)
    Q_PROPERTY(QObject *sortedMasteryModel READ sortedMasteryModelObject)
public:
    explicit StatisticsWindow(const StatisticsInput &input, QWidget *parent = nullptr);

    MasteryTableModel *masteryModel() const { return m_model; }
    QSortFilterProxyModel *sortedMasteryModel() const { return m_sorted; }
    /// The plotted values, for tests and for the accessible description of each chart.
    QList<int> reviewsPerDayValues() const { return m_reviewValues; }
    QList<int> forecastValues() const { return m_forecastValues; }

public slots:
    /// Shows new numbers (after grades, on opening).
    void refresh(const k8sfc::StatisticsInput &input);

private:
    QObject *masteryModelObject() const;
    QObject *sortedMasteryModelObject() const;
    void plotReviews(const StatisticsInput &input);
    void plotRetention(const StatisticsInput &input);
    void plotForecast(const StatisticsInput &input);

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
