#pragma once

#include "studysettings.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace k8sfc {

/// Desired retention, daily limits, the hour a study day starts, the longest interval, fuzz.
class StudyOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StudyOptionsDialog(const StudySettings &settings, QWidget *parent = nullptr);
    StudySettings settings() const;

private:
    QDoubleSpinBox *m_retention;
    QSpinBox *m_newPerDay;
    QSpinBox *m_reviewsPerDay;
    QSpinBox *m_dayStart;
    QSpinBox *m_maximumInterval;
    QCheckBox *m_fuzz;
};

} // namespace k8sfc
