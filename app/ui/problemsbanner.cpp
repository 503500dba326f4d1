#include "problemsbanner.h"

#include "wrappedlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace k8sfc {

ProblemsBanner::ProblemsBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("problemsBanner"));
    setAccessibleName(QStringLiteral("Content problems"));
    // Amber, in every theme; a palette rather than a style sheet, which would cost start-up time
    // and memory for a banner that is usually hidden.
    setAutoFillBackground(true);
    QPalette amber = palette();
    amber.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xE5));
    amber.setColor(QPalette::WindowText, QColor(0x5A, 0x35, 0x00));
    setPalette(amber);
    m_summary = new WrappedLabel(this);
    m_summary->setTextFormat(Qt::PlainText); // messages quote file content, which is never markup
    m_detailsButton = new QPushButton(QStringLiteral("Show details"), this);
    m_detailsButton->setCheckable(true);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAccessibleName(QStringLiteral("Dismiss"));
    close->setToolTip(QStringLiteral("Dismiss"));
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(140);
    m_details->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_detailsButton);
    row->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QPushButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsButton->setText(on ? QStringLiteral("Hide details") : QStringLiteral("Show details"));
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void ProblemsBanner::setDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    int errors = 0;
    for (const Diagnostic &d : diagnostics) {
        lines.append(d.toString());
        if (d.severity == Diagnostic::Severity::Error)
            ++errors;
    }
    if (errors == 0) {
        m_details->clear();
        hide();
        return;
    }
    // The monospace face is loaded only when there is something to show in it.
    m_details->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
    m_details->setPlainText(lines.join(u'\n'));
    m_summary->setText(
        errors == 1
            ? QStringLiteral("One problem in %1: %2. %3").arg(m_where, diagnostics.first().toString(), m_outcome)
            : QStringLiteral("%1 problems in %2. %3").arg(errors).arg(m_where, m_outcome));
    show();
}

void ProblemsBanner::setWording(const QString &where, const QString &outcome)
{
    m_where = where;
    m_outcome = outcome;
}

void ProblemsBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(QColor(0xE0, 0xA4, 0x58));
    painter.drawLine(0, height() - 1, width(), height() - 1); // the bottom edge
}

QString ProblemsBanner::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace k8sfc
