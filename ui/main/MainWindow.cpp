#include "MainWindow.h"

#include "vault/Vault.h"

#include <QDir>
#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace bv::ui {

MainWindow::MainWindow(std::unique_ptr<Vault> vault, QWidget* parent)
    : QMainWindow(parent)
    , m_vault(std::move(vault))
{
    setWindowTitle(tr("BranchVault — %1").arg(QDir::toNativeSeparators(m_vault->path())));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* label
        = new QLabel(tr("The encrypted database is open.\nDatabase id: %1").arg(m_vault->databaseId()), central);
    label->setObjectName(QStringLiteral("statusLabel"));
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Database open: %1").arg(QDir::toNativeSeparators(m_vault->path())));
    resize(900, 600);
}

MainWindow::~MainWindow() = default;

} // namespace bv::ui
