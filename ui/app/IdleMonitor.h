#pragma once

#include <QObject>
#include <QTimer>

namespace bv::ui {

// Watches keyboard and mouse input in the whole application; after the idle time without any, emits
// idle(). The core enforces the idle lock on its own at the next operation; this makes the window
// lock itself on time, hiding the data even if nobody touches it.
class IdleMonitor : public QObject
{
    Q_OBJECT
public:
    explicit IdleMonitor(QObject* parent = nullptr);
    void start(int idleMinutes);
    void startMilliseconds(int milliseconds); // tests
    void stop();
    void poke();
    bool isRunning() const { return m_timer.isActive(); }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace bv::ui
