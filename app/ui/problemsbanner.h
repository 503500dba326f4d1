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
    QString detailsText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_summary;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_details;
};

} // namespace k8sfc
