#include "searchbox.h"

#include "content.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

#include <algorithm>

namespace k8sfc {

namespace {
constexpr int kSuggestions = 12;
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

SearchBox::SearchBox(ContentSnapshot content, QWidget *parent) : QLineEdit(parent), m_content(std::move(content))
{
    setObjectName(QStringLiteral("search"));
    setPlaceholderText(QStringLiteral("Find a card (Ctrl+F)"));
    setAccessibleName(QStringLiteral("Find a card"));
    setClearButtonEnabled(true);
    setMinimumWidth(220);
    m_model = new QStandardItemModel(this);
    m_completer = new QCompleter(m_model, this);
    // The model holds only matches already: show them all, whatever the completer would filter.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(kSuggestions);
    setCompleter(m_completer);
    connect(this, &QLineEdit::textEdited, this, &SearchBox::update);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString id = index.data(kIdRole).toString();
                clear();
                emit cardChosen(id);
            });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        const QStringList found = matches(text());
        if (!found.isEmpty()) {
            clear();
            emit cardChosen(found.first());
        }
    });
}

QSize SearchBox::sizeHint() const
{
    QSize hint = QLineEdit::sizeHint();
    const int clearButton = hint.height(); // a square icon button at the right end
    const int frameAndMargins = 16;
    hint.setWidth(std::max({hint.width(), minimumWidth(),
                            fontMetrics().horizontalAdvance(placeholderText()) + clearButton + frameAndMargins}));
    return hint;
}

void SearchBox::setContent(ContentSnapshot content)
{
    m_content = std::move(content);
    update(text());
}

QStringList SearchBox::matches(const QString &text) const
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    QStringList out;
    if (words.isEmpty())
        return out;
    for (const Deck &deck : m_content->decks())
        for (const Card &card : deck.cards) {
            const QString haystack = card.front + u' ' + card.back + u' ' + card.tags.join(u' ') + u' ' + card.id;
            if (std::all_of(words.begin(), words.end(),
                            [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); }))
                out.append(card.id);
        }
    return out;
}

void SearchBox::update(const QString &text)
{
    m_model->clear();
    for (const QString &id : matches(text).mid(0, kSuggestions)) {
        const Card *card = m_content->card(id);
        auto *item = new QStandardItem(card->front.section(u'\n', 0, 0));
        item->setData(id, kIdRole);
        item->setToolTip(card->front);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() > 0)
        m_completer->complete();
}

} // namespace k8sfc
