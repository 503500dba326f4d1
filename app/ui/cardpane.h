#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace k8sfc {

class ComponentStudy;
class ContentSet;

/// The side pane: the selected component's cards one at a time. Space reveals the back, 1-4 (or
/// the buttons) grade. A front end of ComponentStudy, which does the work.
class CardPane : public QWidget
{
    Q_OBJECT
public:
    CardPane(const ContentSet &content, ComponentStudy *study, QWidget *parent = nullptr);

    void showComponent(const QString &componentId);
    QString componentId() const;

    /// The text shown for the current card (front, and back once revealed), as Markdown.
    QString shownMarkdown() const { return m_shownMarkdown; }
    QPushButton *revealButton() const { return m_revealButton; }
    QPushButton *gradeButton(int rating) const;

private:
    void render();
    QWidget *buildStudyPage();
    QWidget *buildEmptyPage();
    QString progressText() const;

    const ContentSet &m_content;
    ComponentStudy *m_study;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_counter = nullptr;
    QTextBrowser *m_text = nullptr;
    QLabel *m_source = nullptr;
    QPushButton *m_revealButton = nullptr;
    QWidget *m_gradeRow = nullptr;
    QList<QPushButton *> m_gradeButtons;
    QString m_shownMarkdown;
};

} // namespace k8sfc
