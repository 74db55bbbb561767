#pragma once

#include <QtGlobal>

#include <memory>

namespace bv::test {

// A TCP relay on 127.0.0.1 to a port of the same host, in a thread of its own (the code under test blocks in
// libpq while it talks through it): the branch server "goes away" when the relay stops — the listener closes and
// every relayed connection is cut — and comes back when it starts again on the same port. The suite's shared
// PostgreSQL cluster itself is never stopped.
class TcpProxy
{
public:
    explicit TcpProxy(quint16 target);
    ~TcpProxy();
    // Listens (again) on the port of the first start, or on a free one the first time; false if it cannot.
    bool start();
    // Closes the listener and cuts every open connection.
    void stop();
    quint16 port() const;

private:
    class Worker;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace bv::test
