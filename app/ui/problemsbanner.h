#pragma once

#include "diagnostic.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace k8sfc {

/// A non-modal bar above the diagram that says content failed to load, with the details one
/// click away. The app keeps running with whatever did load.
class ProblemsBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ProblemsBanner(QWidget *parent = nullptr);
    void setDiagnostics(const Diagnostics &diagnostics);
    /// What the problems are in and what became of the rest: "the content files" and "Everything
    /// else loaded." unless told otherwise (a policy file loads nothing when it has errors).
    void setWording(const QString &where, const QString &outcome);
    QString detailsText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_summary;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_details;
    QString m_where = QStringLiteral("the content files");
    QString m_outcome = QStringLiteral("Everything else loaded.");
};

} // namespace k8sfc
