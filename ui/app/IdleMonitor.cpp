#include "IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace bv::ui {

IdleMonitor::IdleMonitor(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::idle);
}

void IdleMonitor::start(int idleMinutes)
{
    m_timer.setInterval(qMax(1, idleMinutes) * 60 * 1000);
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleMonitor::startMilliseconds(int milliseconds)
{
    m_timer.setInterval(milliseconds);
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleMonitor::stop()
{
    m_timer.stop();
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleMonitor::poke()
{
    if (m_timer.isActive())
        m_timer.start();
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
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bv::ui
