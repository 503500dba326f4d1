#pragma once

#include <QWidget>

class QLabel;
class QShortcut;
class QPushButton;
class QStackedWidget;

namespace k8sfc {

class CardTextView;
class StudyMode;

/// The side pane: a study mode's cards one at a time. Space reveals the back, 1-4 (or the
/// buttons, which show the interval each grade gives) grade. A front end of StudyMode, which
/// does the work; the window decides which mode it shows.
class CardPane : public QWidget
{
    Q_OBJECT
public:
    explicit CardPane(QWidget *parent = nullptr);

    void setMode(StudyMode *mode);
    StudyMode *mode() const { return m_mode; }

    /// The text shown for the current card (front, and back once revealed), as Markdown.
    QString shownMarkdown() const { return m_shownMarkdown; }
    QPushButton *revealButton() const { return m_revealButton; }
    QPushButton *gradeButton(int rating) const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    void styleGradeButtons();
    bool m_gradeButtonsStyled = false;
    QWidget *buildStudyPage();
    QWidget *buildGradeRow(QWidget *page);
    QWidget *buildEmptyPage();
    StudyMode *m_mode = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_progress = nullptr;
    QLabel *m_counter = nullptr;
    CardTextView *m_text = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_revealButton = nullptr;
    QWidget *m_gradeRow = nullptr;
    QList<QPushButton *> m_gradeButtons;
    QString m_shownMarkdown;
    QList<QShortcut *> m_shortcuts; ///< Space and 1-4: only while the pane shows
};

} // namespace k8sfc
