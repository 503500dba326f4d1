#include "studyoptionsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace k8sfc {

StudyOptionsDialog::StudyOptionsDialog(const StudySettings &settings, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Study options"));
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

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("Desired &retention:"), m_retention);
    form->addRow(QStringLiteral("&New cards per day:"), m_newPerDay);
    form->addRow(QStringLiteral("Re&views per day:"), m_reviewsPerDay);
    form->addRow(QStringLiteral("Next day &starts at:"), m_dayStart);
    form->addRow(QStringLiteral("&Maximum interval:"), m_maximumInterval);
    form->addRow(QString(), m_fuzz);
    auto *note = new QLabel(QStringLiteral("Scheduling uses FSRS-6 with its default parameters."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
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
