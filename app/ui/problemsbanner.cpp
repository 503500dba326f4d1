#include "problemsbanner.h"

#include "wrappedlabel.h"
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace k8sfc {

ProblemsBanner::ProblemsBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("problemsBanner"));
    setAccessibleName(QStringLiteral("Content problems"));
    setStyleSheet(QStringLiteral("#problemsBanner { background: #FFF4E5; border-bottom: 1px solid #E0A458; }"
                                 "#problemsBanner QLabel { color: #5A3500; }"));
    m_summary = new WrappedLabel(this);
    m_summary->setWordWrap(true);
    m_detailsButton = new QPushButton(QStringLiteral("Show details"), this);
    m_detailsButton->setCheckable(true);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAccessibleName(QStringLiteral("Dismiss"));
    close->setToolTip(QStringLiteral("Dismiss"));
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(140);
    m_details->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
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
    m_details->setPlainText(lines.join(u'\n'));
    if (errors == 0) {
        hide();
        return;
    }
    m_summary->setText(errors == 1
                           ? QStringLiteral("One problem in the content files: %1. Everything else loaded.")
                                 .arg(diagnostics.first().toString().toHtmlEscaped())
                           : QStringLiteral("%1 problems in the content files; everything else loaded.").arg(errors));
    show();
}

QString ProblemsBanner::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace k8sfc
