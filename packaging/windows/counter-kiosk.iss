; Inno Setup script: installs the PyInstaller build (dist\CounterKiosk) and
; starts the kiosk at logon of the kiosk account, restarting it if it exits.
; Build on Windows:  iscc packaging\windows\counter-kiosk.iss

#define AppVersion "0.1.0"

[Setup]
AppId={{6F1C3E2A-4B5D-4E8F-9A10-2B3C4D5E6F70}
AppName=Counter Kiosk
AppVersion={#AppVersion}
DefaultDirName={autopf}\CounterKiosk
DisableProgramGroupPage=yes
OutputBaseFilename=CounterKiosk-{#AppVersion}-setup
PrivilegesRequired=admin
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\CounterKiosk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
; The configuration is kept across upgrades: staff edit it on site.
Source: "..\..\config.toml"; DestDir: "{commonappdata}\CounterKiosk"; Flags: onlyifdoesntexist uninsneveruninstall

[Dirs]
Name: "{commonappdata}\CounterKiosk"; Permissions: users-modify

[Run]
; A scheduled task at logon restarts the kiosk every minute if it is not running
; (a Run key would not bring it back after a crash).
Filename: "schtasks.exe"; Parameters: "/Create /F /TN ""CounterKiosk"" /SC ONLOGON /RL LIMITED /TR ""\""{app}\kiosk.exe\"""""; Flags: runhidden
Filename: "{app}\kiosk.exe"; Parameters: "check-config ""{commonappdata}\CounterKiosk\config.toml"""; Flags: runhidden waituntilterminated

[UninstallRun]
Filename: "schtasks.exe"; Parameters: "/Delete /F /TN ""CounterKiosk"""; Flags: runhidden; RunOnceId: "DelTask"
