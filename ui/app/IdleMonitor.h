#pragma once

#include <QObject>
#include <QTimer>

namespace bv::ui {

// Watches keyboard and mouse input in the whole application; after the idle time without any, emits
// idle(). The core enforces the idle lock on its own at the next operation; this makes the window
// lock itself on time, hiding the data even if nobody touches it.
//
// kWarningSeconds before the lock it emits warning() (the window shows a countdown and keeps the open forms as
// drafts while the session can still seal them); input after the warning emits warningCancelled() and starts
// the idle time again. Every input emits activity(), which the application uses to keep the core's own idle
// clock in step with the window's.
class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWarningSeconds = 30;

    explicit IdleMonitor(QObject* parent = nullptr);
    void start(int idleMinutes);
    // Tests: explicit intervals; `warningLeadMs` before the lock the warning comes (0: no warning).
    void startMilliseconds(int milliseconds, int warningLeadMs = 0);
    void stop();
    void poke();
    bool isRunning() const { return m_timer.isActive(); }
    bool isWarning() const { return m_warning; }
    // Seconds until the lock (rounded up); -1 when not running.
    int secondsLeft() const;

public slots:
    // What the warning timer does: the lock comes warningLead after now. Tests call it instead of waiting.
    void warnNow();

signals:
    void idle();
    void warning(int secondsLeft);
    void warningCancelled();
    void activity();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void begin(int idleMs, int warningLeadMs);

    QTimer m_timer;
    QTimer m_warningTimer;
    int m_idleMs = 0;
    int m_leadMs = 0;
    bool m_warning = false;
};

} // namespace bv::ui
