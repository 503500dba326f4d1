#include "masteryoverlay.h"

#include "diagramscene.h"
#include "grader.h"
#include "masterylegend.h"
#include "masterystore.h"

#include <QAction>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace k8sfc {

MasteryOverlay::MasteryOverlay(ContentSnapshot content, MasteryStore &store, const Grader &grader, DiagramScene *scene,
                               QObject *parent)
    : QObject(parent), m_content(std::move(content)), m_store(store), m_grader(grader), m_scene(scene)
{
    m_toggle = new QAction(QStringLiteral("Show &Mastery"), this);
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_M));
    m_toggle->setToolTip(QStringLiteral("Colour each component by how well you know its cards (M)"));
    connect(m_toggle, &QAction::toggled, this, &MasteryOverlay::setEnabled);
    m_legend = new MasteryLegend;
    m_legend->hide();
}

bool MasteryOverlay::isEnabled() const
{
    return m_toggle->isChecked();
}

void MasteryOverlay::setEnabled(bool on)
{
    m_toggle->setChecked(on);
    m_legend->setVisible(on);
    if (on) {
        rebuild();
    } else {
        m_mastery.clear();
        m_model = {}; // not kept up to date while off
        m_scene->showMastery({});
    }
}

void MasteryOverlay::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    m_model = {}; // the next cardChanged() rebuilds it
}

RecallFunction MasteryOverlay::recall() const
{
    return [this](const CardProgress &p, const QDateTime &at) { return m_grader.recall(p, at); };
}

// A state that cannot be read keeps the colours as they were: painting every card unseen would
// look like lost progress.
void MasteryOverlay::rebuild()
{
    const auto progress = m_store.allProgress();
    if (!progress)
        return;
    m_model.rebuild(*m_content, *progress, QDateTime::currentDateTimeUtc(), recall());
    ++m_generation;
    m_mastery = m_model.result();
    m_scene->showMastery(m_mastery);
}

void MasteryOverlay::cardChanged(const QString &cardId)
{
    if (!isEnabled())
        return;
    if (cardId.isEmpty() || m_model.isEmpty())
        return rebuild();
    if (const auto progress = m_store.progress(cardId))
        m_model.update(cardId, *progress, QDateTime::currentDateTimeUtc(), recall());
    if (m_refreshing)
        m_gradedDuringRefresh.append(cardId);
    m_mastery = m_model.result();
    m_scene->showMastery(m_mastery);
}

void MasteryOverlay::repaint()
{
    m_scene->showMastery(m_mastery);
}

QHash<QString, double> MasteryOverlay::masteryByComponent()
{
    if (m_model.isEmpty()) // unreadable states make every component look unseen to the quiz's choice
        m_model.rebuild(*m_content, m_store.allProgress().valueOr({}), QDateTime::currentDateTimeUtc(), recall());
    QHash<QString, double> out;
    const QHash<QString, ComponentMastery> all = m_model.result();
    for (const ComponentMastery &m : all)
        if (!m.isUnseen())
            out.insert(m.componentId, m.mastery);
    if (!isEnabled())
        m_model = {}; // grades do not keep it current while the colours are off
    return out;
}

QString MasteryOverlay::describe(const QString &componentId) const
{
    if (!isEnabled())
        return {};
    const ComponentMastery m = m_mastery.value(componentId);
    return m.isUnseen() ? QStringLiteral("not studied yet")
                        : QStringLiteral("recall %1% (%2 of %3 cards seen)")
                              .arg(qRound(m.meanRecallSeen * 100))
                              .arg(m.seen)
                              .arg(m.cards);
}

void MasteryOverlay::refreshInBackground()
{
    if (!isEnabled() || m_refreshing)
        return;
    const auto progress = m_store.allProgress();
    if (!progress)
        return;
    m_refreshing = true;
    m_gradedDuringRefresh.clear();
    // The snapshot is immutable and the states implicitly shared, so both are safe to read on
    // another thread; the scheduler is a small value.
    auto job = [content = m_content, progress = *progress, fsrs = m_grader.scheduler(),
                now = QDateTime::currentDateTimeUtc()] {
        MasteryModel model;
        model.rebuild(*content, progress, now,
                      [&fsrs](const CardProgress &p, const QDateTime &at) { return Grader::recall(fsrs, p, at); });
        return model;
    };
    auto *watcher = new QFutureWatcher<MasteryModel>(this);
    connect(watcher, &QFutureWatcher<MasteryModel>::finished, this, [this, watcher, generation = m_generation] {
        watcher->deleteLater();
        m_refreshing = false;
        // Dropped when the colours were turned off or rebuilt (new content) meanwhile.
        if (!isEnabled() || generation != m_generation)
            return;
        m_model = watcher->result();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QString &id : std::as_const(m_gradedDuringRefresh))
            if (const auto progress = m_store.progress(id))
                m_model.update(id, *progress, now, recall());
        m_gradedDuringRefresh.clear();
        m_mastery = m_model.result();
        m_scene->showMastery(m_mastery);
        emit refreshed();
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

} // namespace k8sfc
