#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace BounceDoctor::Gui {

/// Language, DNS servers, timeout, blocklists, the Spamhaus DQS key, limits and the case
/// history, kept through the typed Settings wrapper.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QLineEdit *m_servers = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLineEdit *m_dqsKey = nullptr;
    QListWidget *m_blocklists = nullptr;
    QSpinBox *m_maxMessage = nullptr;
    QSpinBox *m_maxBatch = nullptr;
    QCheckBox *m_historyEnabled = nullptr;
    QCheckBox *m_historyBounceText = nullptr;
    QSpinBox *m_historyRetention = nullptr;
    QLineEdit *m_historyLocation = nullptr;
};

} // namespace BounceDoctor::Gui
