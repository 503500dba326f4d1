#include "studyoptionsdialog.h"

#include "windowframe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace k8sfc {

StudyOptionsDialog::StudyOptionsDialog(const StudySettings &settings, const theme::Appearance &appearance,
                                       QWidget *parent, QWidget *optimizePanel)
    : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Settings"));
    WindowFrame::installCloseKeys(this);
    auto *form = new QFormLayout;
    addSchedulingRows(form, settings);
    addAppearanceRows(form, appearance);
    auto *note = new QLabel(QStringLiteral(
        "Scheduling uses FSRS-6. Diagrams stay on a white page in every theme, as a printed figure does."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (optimizePanel)
        layout->addWidget(optimizePanel);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void StudyOptionsDialog::addSchedulingRows(QFormLayout *form, const StudySettings &settings)
{
    m_retention = new QDoubleSpinBox;
    m_retention->setRange(70, 97);
    m_retention->setDecimals(0);
    m_retention->setSuffix(QStringLiteral(" %"));
    m_retention->setValue(settings.desiredRetention * 100);
    m_retention->setToolTip(QStringLiteral("How likely you want to be to remember a card when it comes due. Higher "
                                           "means more reviews."));
    m_newPerDay = new QSpinBox;
    m_newPerDay->setRange(0, 9999);
    m_newPerDay->setValue(settings.newCardsPerDay);
    m_reviewsPerDay = new QSpinBox;
    m_reviewsPerDay->setRange(0, 99999);
    m_reviewsPerDay->setValue(settings.reviewsPerDay);
    m_dayStart = new QSpinBox;
    m_dayStart->setRange(0, 23);
    m_dayStart->setSuffix(QStringLiteral(":00"));
    m_dayStart->setValue(settings.dayStartHour);
    m_dayStart->setToolTip(QStringLiteral("Reviews before this hour count for the previous day, so a late evening "
                                          "stays one day."));
    m_maximumInterval = new QSpinBox;
    m_maximumInterval->setRange(1, 36500);
    m_maximumInterval->setSuffix(QStringLiteral(" days"));
    m_maximumInterval->setValue(settings.maximumIntervalDays);
    m_fuzz = new QCheckBox(QStringLiteral("Spread intervals a little (fuzz)"));
    m_fuzz->setChecked(settings.fuzz);
    form->addRow(QStringLiteral("Desired &retention:"), m_retention);
    form->addRow(QStringLiteral("&New cards per day:"), m_newPerDay);
    form->addRow(QStringLiteral("Re&views per day:"), m_reviewsPerDay);
    form->addRow(QStringLiteral("Next day &starts at:"), m_dayStart);
    form->addRow(QStringLiteral("&Maximum interval:"), m_maximumInterval);
    form->addRow(QString(), m_fuzz);
}

void StudyOptionsDialog::addAppearanceRows(QFormLayout *form, const theme::Appearance &appearance)
{
    m_theme = new QComboBox;
    m_theme->setAccessibleName(QStringLiteral("Theme"));
    for (const auto &[label, id] :
         {std::pair{"Follow the desktop", "system"}, std::pair{"Light", "light"}, std::pair{"Dark", "dark"},
          std::pair{"Projector (high contrast, large type)", "projector"}})
        m_theme->addItem(QString::fromLatin1(label), QString::fromLatin1(id));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(appearance.theme)));
    m_fontScale = new QSpinBox;
    m_fontScale->setRange(80, 200);
    m_fontScale->setSingleStep(10);
    m_fontScale->setSuffix(QStringLiteral(" %"));
    m_fontScale->setValue(qRound(appearance.fontScale * 100));
    form->addRow(QStringLiteral("&Theme:"), m_theme);
    form->addRow(QStringLiteral("Text &size:"), m_fontScale);
}

theme::Appearance StudyOptionsDialog::appearance() const
{
    theme::Appearance a;
    a.theme = m_theme->currentData().toString();
    a.fontScale = m_fontScale->value() / 100.0;
    return a;
}

StudySettings StudyOptionsDialog::settings() const
{
    StudySettings s;
    s.desiredRetention = m_retention->value() / 100.0;
    s.newCardsPerDay = m_newPerDay->value();
    s.reviewsPerDay = m_reviewsPerDay->value();
    s.dayStartHour = m_dayStart->value();
    s.maximumIntervalDays = m_maximumInterval->value();
    s.fuzz = m_fuzz->isChecked();
    return s.validated();
}

} // namespace k8sfc
