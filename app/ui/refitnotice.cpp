#include "refitnotice.h"

#include "fsrsfit.h"
#include "masterystore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>

namespace k8sfc {

RefitNotice::RefitNotice(MasteryStore &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    m_text = new QLabel;
    auto *optimize = new QPushButton(QStringLiteral("Optimize…"));
    auto *dismiss = new QPushButton(QStringLiteral("Not now"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(optimize);
    layout->addWidget(dismiss);
    connect(optimize, &QPushButton::clicked, this, [this] {
        hide();
        emit optimizeRequested();
    });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

bool RefitNotice::check(const QDateTime &now)
{
    const auto fit = m_store.fittedFsrs();
    const auto since = fit && *fit ? m_store.reviewCountSince((*fit)->fittedAt) : Result<qint64>(qint64(0));
    // A read that failed suggests nothing: the suggestion is a convenience, never worth an error box.
    if (!fit || !since || !FsrsFit::suggestRefit(*fit, *since, now)) {
        hide();
        return false;
    }
    if (m_store.markRefitSuggested()) {
        hide(); // not remembered: better not shown than shown at every start
        return false;
    }
    m_text->setText(QStringLiteral("You have made %1 reviews since FSRS was fitted to your memory a month or more "
                                   "ago: fit it again?")
                        .arg(*since));
    show();
    return true;
}

void RefitNotice::showIn(QStatusBar *bar)
{
    // In the status bar only while shown: it makes room for the buttons of hidden widgets too.
    bar->removeWidget(this);
    if (check(QDateTime::currentDateTimeUtc()))
        bar->addPermanentWidget(this);
}

} // namespace k8sfc
