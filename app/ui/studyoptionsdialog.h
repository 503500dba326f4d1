#pragma once

#include "studysettings.h"
#include "theme.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace k8sfc {

/// Settings: desired retention, daily limits, the hour a study day starts, the longest interval,
/// fuzz; and the look (theme, font scale). Below them, when given, the panel that fits FSRS to the
/// learner (OptimizePanel), which acts on its own buttons.
class StudyOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    StudyOptionsDialog(const StudySettings &settings, const theme::Appearance &appearance, QWidget *parent = nullptr,
                       QWidget *optimizePanel = nullptr);
    StudySettings settings() const;
    theme::Appearance appearance() const;

private:
    void addSchedulingRows(QFormLayout *form, const StudySettings &settings);
    void addAppearanceRows(QFormLayout *form, const theme::Appearance &appearance);
    QDoubleSpinBox *m_retention;
    QSpinBox *m_newPerDay;
    QSpinBox *m_reviewsPerDay;
    QSpinBox *m_dayStart;
    QSpinBox *m_maximumInterval;
    QCheckBox *m_fuzz;
    QComboBox *m_theme;
    QSpinBox *m_fontScale;
};

} // namespace k8sfc
