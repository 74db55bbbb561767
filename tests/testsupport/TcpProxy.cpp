#include "tests/testsupport/TcpProxy.h"

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace bv::test {

class TcpProxy::Worker : public QObject
{
public:
    explicit Worker(quint16 target)
        : m_target(target)
    {
    }

    bool listen()
    {
        if (!m_server) {
            m_server = new QTcpServer(this);
            QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        }
        if (m_server->isListening())
            return true;
        if (!m_server->listen(QHostAddress::LocalHost, m_port))
            return false;
        m_port = m_server->serverPort();
        return true;
    }

    void close()
    {
        if (m_server)
            m_server->close();
        for (const QPointer<QTcpSocket>& socket : std::as_const(m_sockets))
            if (socket)
                socket->abort();
        m_sockets.clear();
    }

    quint16 port() const { return m_port; }

private:
    void accept()
    {
        while (QTcpSocket* client = m_server->nextPendingConnection()) {
            auto* upstream = new QTcpSocket(this);
            client->setParent(this);
            m_sockets << client << upstream;
            auto relay = [](QTcpSocket* from, QTcpSocket* to) {
                QObject::connect(from, &QTcpSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
                QObject::connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
                QObject::connect(from, &QTcpSocket::disconnected, from, &QObject::deleteLater);
            };
            relay(client, upstream);
            relay(upstream, client);
            // what the client sends before the upstream connection is up waits in the upstream's buffer
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    quint16 m_target;
    quint16 m_port = 0;
    QTcpServer* m_server = nullptr;
    QList<QPointer<QTcpSocket>> m_sockets;
};

struct TcpProxy::Private
{
    QThread thread;
    Worker* worker = nullptr;
};

TcpProxy::TcpProxy(quint16 target)
    : d(std::make_unique<Private>())
{
    d->worker = new Worker(target);
    d->worker->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
}

TcpProxy::~TcpProxy()
{
    stop();
    d->thread.quit();
    d->thread.wait();
}

bool TcpProxy::start()
{
    bool ok = false;
    QMetaObject::invokeMethod(
        d->worker, [this, &ok] { ok = d->worker->listen(); }, Qt::BlockingQueuedConnection);
    return ok;
}

void TcpProxy::stop()
{
    QMetaObject::invokeMethod(
        d->worker, [this] { d->worker->close(); }, Qt::BlockingQueuedConnection);
}

quint16 TcpProxy::port() const
{
    quint16 port = 0;
    QMetaObject::invokeMethod(
        d->worker, [this, &port] { port = d->worker->port(); }, Qt::BlockingQueuedConnection);
    return port;
}

} // namespace bv::test
