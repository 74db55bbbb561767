#pragma once

#include "core/drafts/DraftService.h"

#include <QDeadlineTimer>
#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace bv::ui {

// Shown above the workspace when the idle time is nearly up: "The session locks in 30 s …" counting down, with
// "Stay signed in". Not modal: any key or mouse input anywhere keeps the session open (IdleMonitor) and hides it.
// Local mode locks the session and keeps the open forms as drafts. Over the branch server the session ends (there is
// no lock page): online, the new-customer form is kept as a draft on the server and other forms are lost; offline,
// nothing is kept. The banner says which.
class IdleWarningBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Ending
    {
        Lock, // local mode: the session locks, the open forms become drafts
        SignOutKeepingEntry, // over the server: signed out, the new-customer form kept as a draft
        SignOut, // offline: signed out, nothing kept
    };
    explicit IdleWarningBanner(QWidget* parent = nullptr, Ending ending = Ending::Lock);

    // Shows the banner counting down from `seconds`.
    void start(int seconds);
    void dismiss();
    void setEnding(Ending ending) { m_ending = ending; }
    int secondsLeft() const;
    QLabel* textLabel() const { return m_text; }
    QPushButton* stayButton() const { return m_stay; }

signals:
    void stayRequested();

private:
    void refresh();

    Ending m_ending = Ending::Lock;
    QLabel* m_text = nullptr;
    QPushButton* m_stay = nullptr;
    QTimer m_tick;
    QDeadlineTimer m_deadline;
};

// Offers the signed-in person's own drafts after an unlock or sign-in, one at a time, newest first:
// "You have an unsaved new customer form from 10:42." Restore / Discard.
class DraftOfferBanner : public QFrame
{
    Q_OBJECT
public:
    explicit DraftOfferBanner(QWidget* parent = nullptr);

    void setDrafts(const QList<DraftInfo>& drafts);
    void remove(qint64 draftId);
    const QList<DraftInfo>& drafts() const { return m_drafts; }
    QLabel* textLabel() const { return m_text; }
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* discardButton() const { return m_discard; }
    static QString describe(const DraftInfo& draft);

signals:
    void restoreRequested(const DraftInfo& draft);
    void discardRequested(const DraftInfo& draft);

private:
    void showFirst();

    QList<DraftInfo> m_drafts;
    QLabel* m_text = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_discard = nullptr;
};

} // namespace bv::ui
