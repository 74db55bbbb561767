#include "ui/app/IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace bv::ui {

IdleMonitor::IdleMonitor(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_warningTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_warning = false;
        m_warningTimer.stop();
        emit idle();
    });
    connect(&m_warningTimer, &QTimer::timeout, this, &IdleMonitor::warnNow);
}

void IdleMonitor::start(int idleMinutes)
{
    begin(qMax(1, idleMinutes) * 60 * 1000, kWarningSeconds * 1000);
}

void IdleMonitor::startMilliseconds(int milliseconds, int warningLeadMs)
{
    begin(milliseconds, warningLeadMs);
}

void IdleMonitor::begin(int idleMs, int warningLeadMs)
{
    m_idleMs = qMax(1, idleMs);
    // an idle time shorter than the warning: the warning comes at half the idle time
    m_leadMs = warningLeadMs <= 0 ? 0 : qMin(warningLeadMs, m_idleMs / 2);
    m_timer.setInterval(m_idleMs);
    QCoreApplication::instance()->installEventFilter(this);
    m_warning = false;
    m_timer.start();
    if (m_leadMs > 0)
        m_warningTimer.start(m_idleMs - m_leadMs);
    else
        m_warningTimer.stop();
}

void IdleMonitor::stop()
{
    m_timer.stop();
    m_warningTimer.stop();
    m_warning = false;
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleMonitor::poke()
{
    if (!m_timer.isActive())
        return;
    m_timer.start(m_idleMs);
    if (m_leadMs > 0)
        m_warningTimer.start(m_idleMs - m_leadMs);
    if (m_warning) {
        m_warning = false;
        emit warningCancelled();
    }
}

void IdleMonitor::warnNow()
{
    if (!m_timer.isActive() || m_leadMs <= 0)
        return;
    m_warningTimer.stop();
    m_timer.start(m_leadMs);
    m_warning = true;
    emit warning(secondsLeft());
}

int IdleMonitor::secondsLeft() const
{
    if (!m_timer.isActive())
        return -1;
    return (m_timer.remainingTime() + 999) / 1000;
}

bool IdleMonitor::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        poke();
        emit activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bv::ui
