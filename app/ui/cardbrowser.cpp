#include "cardbrowser.h"

#include "cardfilterproxy.h"
#include "cardtablemodel.h"
#include "cardtext.h"
#include "cardtextview.h"
#include "content.h"
#include "gradelook.h"
#include "grader.h"
#include "masterystore.h"
#include "windowframe.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace k8sfc {

namespace {

const char *const kFlagNames[] = {"No flag", "Red flag", "Orange flag", "Green flag", "Blue flag"};

QString eventName(const CardEvent &e)
{
    switch (e.kind) {
    case CardEvent::Kind::Reset: return QStringLiteral("progress reset");
    case CardEvent::Kind::Suspend: return QStringLiteral("suspended");
    case CardEvent::Kind::Unsuspend: return QStringLiteral("unsuspended");
    case CardEvent::Kind::Flag: return QString::fromLatin1(kFlagNames[std::clamp(e.value, 0, 4)]).toLower();
    case CardEvent::Kind::Leech:
        return QStringLiteral("marked a leech (%1 lapses) and suspended").arg(Grader::kLeechLapses);
    }
    return {};
}

} // namespace

CardBrowser::CardBrowser(ContentSnapshot content, MasteryStore &store, QWidget *parent)
    : QWidget(parent, Qt::Window), m_content(std::move(content)), m_store(store)
{
    setWindowTitle(WindowFrame::title(QStringLiteral("Browse cards")));
    WindowFrame::installCloseKeys(this);
    m_model = new CardTableModel(m_content, store, this);
    m_proxy = new CardFilterProxy(m_content, this);
    m_proxy->setSourceModel(m_model);

    buildTable();
    m_detail = new CardTextView;
    m_detail->setObjectName(QStringLiteral("cardDetail"));
    m_detail->setAccessibleName(QStringLiteral("Selected card"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(buildDetailSide());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CardBrowser::showDetail);
    connectCount();
    resize(1100, 760);
    showDetail();
}

void CardBrowser::buildTable()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("cardTable"));
    m_table->setAccessibleName(QStringLiteral("Cards"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CardTableModel::Due, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(CardTableModel::Front, QHeaderView::Stretch);
    m_table->setColumnWidth(CardTableModel::Deck, 170);
    m_table->setColumnWidth(CardTableModel::Components, 150);
    m_table->setColumnWidth(CardTableModel::State, 110);
    m_table->setColumnWidth(CardTableModel::Due, 130);
}

QWidget *CardBrowser::buildDetailSide()
{
    m_suspend = new QPushButton(QStringLiteral("Suspend (Ctrl+J)"));
    m_flag = new QPushButton(QStringLiteral("Flag"));
    auto *flags = new QMenu(m_flag);
    for (int f = 0; f <= 4; ++f)
        flags->addAction(QString::fromLatin1(kFlagNames[f]), this, [this, f] { setFlag(f); })
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + f)));
    addActions(flags->actions());
    m_flag->setMenu(flags);
    m_reset = new QPushButton(QStringLiteral("Reset progress…"));
    m_locate = new QPushButton(QStringLiteral("Show on diagram"));
    connect(m_suspend, &QPushButton::clicked, this, &CardBrowser::toggleSuspend);
    connect(m_reset, &QPushButton::clicked, this, [this] { resetCurrent(true); });
    connect(m_locate, &QPushButton::clicked, this, [this] {
        if (m_content->card(currentCardId()))
            emit showOnDiagram(currentCardId());
    });
    auto *suspendKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this);
    connect(suspendKey, &QShortcut::activated, this, &CardBrowser::toggleSuspend);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_suspend);
    buttons->addWidget(m_flag);
    buttons->addWidget(m_reset);
    buttons->addStretch();
    buttons->addWidget(m_locate);
    auto *detailSide = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailSide);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_detail, 1);
    return detailSide;
}

void CardBrowser::connectCount()
{
    auto updateCount = [this] {
        m_count->setText(QStringLiteral("%1 of %2 cards").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, updateCount);
    updateCount();
}

QWidget *CardBrowser::buildFilters()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(QStringLiteral("Search question, answer, tags"));
    m_search->setAccessibleName(QStringLiteral("Search cards"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &CardFilterProxy::setSearchText);

    m_deck = new QComboBox;
    m_deck->setAccessibleName(QStringLiteral("Deck"));
    connect(m_deck, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setDeck(m_deck->currentData().toString()); });

    m_component = new QComboBox;
    m_component->setAccessibleName(QStringLiteral("Component"));
    connect(m_component, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setComponent(m_component->currentData().toString()); });

    m_tag = new QComboBox;
    m_tag->setAccessibleName(QStringLiteral("Tag"));
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] { m_proxy->setTag(m_tag->currentData().toString()); });

    m_state = new QComboBox;
    m_state->setAccessibleName(QStringLiteral("State"));
    using F = CardTableModel::StateFilter;
    const std::pair<const char *, F> states[] = {
        {"Any state", F::Any},       {"New", F::New},         {"Learning", F::Learning}, {"Review", F::Review},
        {"Suspended", F::Suspended}, {"Retired", F::Retired}, {"Flagged", F::Flagged},   {"Leeches", F::Leech}};
    for (const auto &[name, filter] : states)
        m_state->addItem(QString::fromLatin1(name), int(filter));
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStateFilter(F(m_state->currentData().toInt())); });

    fillFilters();
    // Sized by a short name, not the longest deck or component: the window fits a small screen,
    // and the search field keeps its room.
    for (QComboBox *box : {m_deck, m_component, m_tag}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(9);
    }
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("count"));
    row->addWidget(m_search, 2);
    row->addWidget(m_deck, 1);
    row->addWidget(m_component, 1);
    row->addWidget(m_tag, 1);
    row->addWidget(m_state);
    row->addWidget(m_count);
    return bar;
}

void CardBrowser::fillFilters()
{
    // The choices follow the content; what was chosen stays chosen while it exists.
    auto refill = [](QComboBox *box, const QString &all, const QList<std::pair<QString, QString>> &items) {
        const QVariant chosen = box->currentData();
        const QSignalBlocker quiet(box);
        box->clear();
        box->addItem(all, QString());
        for (const auto &[label, key] : items)
            box->addItem(label, key);
        box->setCurrentIndex(std::max(0, box->findData(chosen)));
    };
    QList<std::pair<QString, QString>> decks, components, tags;
    QSet<QString> tagSet;
    QStringList own; // "My cards": every deck of the learner's own (a comma never is in a deck id)
    for (const k8sfc::Deck &deck : m_content->decks())
        if (m_content->sourceRule(deck.file) == SourceRule::Optional)
            own.append(deck.id);
    decks.append({QStringLiteral("My cards"), own.isEmpty() ? QStringLiteral(",") : own.join(u',')});
    for (const k8sfc::Deck &deck : m_content->decks()) {
        decks.append({deck.title, deck.id});
        for (const Card &card : deck.cards)
            for (const QString &tag : card.tags)
                tagSet.insert(tag);
    }
    for (const Component &c : m_content->registry().components())
        components.append({c.partOf.isEmpty() ? c.name : QStringLiteral("   ") + c.name, c.id});
    QStringList sorted(tagSet.begin(), tagSet.end());
    sorted.sort();
    for (const QString &tag : sorted)
        tags.append({tag, tag});
    refill(m_deck, QStringLiteral("All decks"), decks);
    refill(m_component, QStringLiteral("All components"), components);
    refill(m_tag, QStringLiteral("All tags"), tags);
    m_proxy->setDeck(m_deck->currentData().toString());
    m_proxy->setComponent(m_component->currentData().toString());
    m_proxy->setTag(m_tag->currentData().toString());
}

void CardBrowser::setContent(ContentSnapshot content)
{
    const QString selected = currentCardId();
    m_content = std::move(content);
    m_proxy->setContent(m_content);
    m_model->setContent(m_content);
    fillFilters();
    selectCard(selected);
    showDetail();
}

QString CardBrowser::currentCardId() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(CardTableModel::CardIdRole).toString() : QString();
}

void CardBrowser::selectCard(const QString &cardId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(CardTableModel::CardIdRole).toString() == cardId) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return;
        }
    }
}

void CardBrowser::setComponentFilter(const QString &componentId)
{
    const int i = m_component->findData(componentId);
    m_component->setCurrentIndex(std::max(i, 0));
}

void CardBrowser::reloadCard(const QString &cardId)
{
    m_model->reloadCard(cardId);
    if (cardId == currentCardId())
        showDetail();
}

void CardBrowser::toggleSuspend()
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(CardTableModel::CardIdRole).toString());
    if (ids.isEmpty() && !currentCardId().isEmpty())
        ids.append(currentCardId());
    if (ids.isEmpty())
        return;
    const auto first = m_store.progress(ids.first());
    const auto error =
        first ? m_store.setSuspended(ids, !first->suspended, QDateTime::currentDateTimeUtc()) : first.error();
    if (error) {
        QMessageBox::warning(this, windowTitle(), QStringLiteral("Could not save: %1").arg(*error));
        return;
    }
    for (const QString &id : std::as_const(ids)) {
        reloadCard(id);
        emit cardChanged(id);
    }
}

void CardBrowser::setFlag(int flag)
{
    const QString id = currentCardId();
    if (id.isEmpty())
        return;
    if (const auto error = m_store.setFlag(id, flag, QDateTime::currentDateTimeUtc())) {
        QMessageBox::warning(this, windowTitle(), QStringLiteral("Could not save: %1").arg(*error));
        return;
    }
    reloadCard(id);
    emit cardChanged(id);
}

void CardBrowser::resetCurrent(bool confirm)
{
    const QString id = currentCardId();
    if (id.isEmpty())
        return;
    if (confirm &&
        QMessageBox::question(this, QStringLiteral("Reset progress"),
                              QStringLiteral("Make this card new again? Its review history is kept, and the reset is "
                                             "logged.")) != QMessageBox::Yes)
        return;
    if (const auto error = m_store.resetProgress(id, QDateTime::currentDateTimeUtc())) {
        QMessageBox::warning(this, windowTitle(), QStringLiteral("Could not save: %1").arg(*error));
        return;
    }
    reloadCard(id);
    emit cardChanged(id);
}

QString CardBrowser::historyHtml(const QString &cardId) const
{
    struct Line
    {
        QDateTime at;
        QString text;
    };
    const auto reviews = m_store.reviews(cardId, 200);
    const auto events = m_store.events(cardId);
    if (!reviews || !events)
        return QStringLiteral("<p>The history could not be read: %1</p>")
            .arg((reviews ? events.error() : reviews.error()).toHtmlEscaped());
    QList<Line> lines;
    for (const ReviewEntry &r : *reviews)
        lines.append({r.reviewedAt, QStringLiteral("%1 (%2, %3 s)")
                                        .arg(gradeName(r.rating), r.kind == ReviewKind::Quiz ? QStringLiteral("quiz")
                                                                                             : QStringLiteral("study"))
                                        .arg(r.durationMs / 1000.0, 0, 'f', 1)});
    for (const CardEvent &e : *events)
        lines.append({e.at, QStringLiteral("<i>%1</i>").arg(eventName(e))});
    std::sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.at > b.at; });
    if (lines.isEmpty())
        return QStringLiteral("<p>Not studied yet.</p>");
    QString html = QStringLiteral("<table cellpadding=2>");
    for (const Line &l : std::as_const(lines))
        html += QStringLiteral("<tr><td>%1</td><td>&nbsp;%2</td></tr>")
                    .arg(QLocale().toString(l.at.toLocalTime(), QLocale::ShortFormat), l.text);
    return html + QStringLiteral("</table>");
}

void CardBrowser::showDetail()
{
    const QString id = currentCardId();
    const bool has = !id.isEmpty();
    for (QPushButton *b : {m_suspend, m_flag, m_reset})
        b->setEnabled(has);
    const Card *card = m_content->card(id);
    m_locate->setEnabled(card != nullptr);
    if (!has) {
        m_detail->showMarkdown(QStringLiteral("Select a card to see it and its history."), QString());
        return;
    }
    const CardProgress p = m_store.progress(id).valueOr(CardProgress{id}); // the history says when unreadable
    m_suspend->setText(p.suspended ? QStringLiteral("Unsuspend (Ctrl+J)") : QStringLiteral("Suspend (Ctrl+J)"));
    QString markdown;
    if (card)
        markdown = card->front + QStringLiteral("\n\n---\n\n") + card->back + QStringLiteral("\n\nSource: <") +
                   card->source + QStringLiteral(">\n");
    else
        markdown = QStringLiteral("**%1** is no longer in any deck. Its history is kept.\n").arg(id);
    auto document = CardText::document(markdown, card ? card->file : QString(), m_detail->document()->defaultFont());
    QTextCursor end(document.get());
    end.movePosition(QTextCursor::End);
    end.insertBlock();
    end.insertHtml(QStringLiteral("<h4>History</h4>") + historyHtml(id)); // made here, every value escaped
    m_detail->showDocument(std::move(document));
}

} // namespace k8sfc
