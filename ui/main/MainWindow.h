#pragma once

#include <QMainWindow>

#include <memory>

namespace bv {
class Vault;
}

namespace bv::ui {

// The main window. It owns the open vault for the lifetime of the session.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<Vault> vault, QWidget* parent = nullptr);
    ~MainWindow() override;

    Vault& vault() { return *m_vault; }

private:
    std::unique_ptr<Vault> m_vault;
};

} // namespace bv::ui
