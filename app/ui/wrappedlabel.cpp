#include "wrappedlabel.h"

#include <QEvent>

namespace k8sfc {

WrappedLabel::WrappedLabel(QWidget *parent) : WrappedLabel(QString(), parent)
{}

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent) : QLabel(text, parent)
{
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const
{
    if (text() != m_heightsText) { // QLabel::setText is not virtual: notice a new text here
        m_heights.clear();
        m_heightsText = text();
    }
    if (const auto it = m_heights.constFind(width); it != m_heights.cend())
        return *it;
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() > 64) // a window dragged through many widths
        m_heights.clear();
    m_heights.insert(width, height);
    return height;
}

void WrappedLabel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::ContentsRectChange: m_heights.clear(); break;
    default: break;
    }
    QLabel::changeEvent(event);
}

} // namespace k8sfc
