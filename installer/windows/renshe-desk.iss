; Renshe Desk (人社办案台) — the Windows installer, Inno Setup 6.4+.
; Compile (after the PyInstaller one-folder build dist\renshe-desk\):
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\renshe-desk.iss
; (installer/windows/build-windows.ps1 on Windows; installer/windows/build-on-linux.sh under Wine.)
; Output: dist\RensheDesk-Setup-<version>.exe
;
; - Per machine (Program Files, needs administrator) or per user (no rights needed): the
;   installer asks (PrivilegesRequiredOverridesAllowed=dialog); /CURRENTUSER or /ALLUSERS
;   choose on the command line.
; - Chinese and English pages (ChineseSimplified.isl: the Inno Setup 6.4 unofficial translation).
; - The user's data lives in %LOCALAPPDATA%\renshe-desk (platformdirs), never under {app}: an
;   upgrade installs over the old version and leaves it alone; the uninstaller asks before
;   removing it, and the default (and a silent uninstall) keeps it.

#ifndef AppVersion
  #define AppVersion GetEnv("RENSHE_VERSION")
#endif
#if AppVersion == ""
  #error Give the version: ISCC /DAppVersion=x.y.z (pyproject.toml's)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\renshe-desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
; /DCompression=none: a quick Setup for a test (build-on-linux.sh's upgrade test); releases use lzma2.
#ifndef Compression
  #define Compression "lzma2"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F0B2C3E-5A41-4C8E-9B7D-2E1A7C9D4F10}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=Renshe Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={code:DefaultAppDir}
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.11 supports Windows 10 1809 (build 17763) and later; Qt6Core.dll uses System32's icuuc.dll.
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=RensheDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\renshe-desk.ico
UninstallDisplayIcon={app}\RensheDesk.exe
UninstallDisplayName={cm:AppName} {#AppVersion}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.AppName=人社办案台
en.AppName=Renshe Desk
zh_CN.KeepDataQuestion=是否同时删除本机上的办案数据（数据库、备份和日志）？%n%n%1%n%n选择“否”将保留这些数据（推荐）：重新安装后可继续使用。
en.KeepDataQuestion=Also delete the case data on this computer (database, backups and logs)?%n%n%1%n%nChoose "No" to keep it (recommended): a new installation will use it again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the old version lingers beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\RensheDesk.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\RensheDesk.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\RensheDesk.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// What {autopf} means, spelt out: per machine Program Files; per user Windows' default for
// FOLDERID_UserProgramFiles, %LOCALAPPDATA%\Programs.  Spelt out because Wine (8) cannot
// expand {userpf}, and the per-user install is tested under Wine (build-on-linux.sh).
function DefaultAppDir(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonpf}\RensheDesk')
  else
    Result := ExpandConstant('{localappdata}\Programs\RensheDesk');
end;

// The data folder as platformdirs.user_data_dir("renshe-desk", appauthor=False) gives it.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\renshe-desk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(UserDataDir()) then
  begin
    // MB_DEFBUTTON2: "No" (keep) is the default; a silent uninstall takes the default.
    if SuppressibleMsgBox(FmtMessage(CustomMessage('KeepDataQuestion'), [UserDataDir()]),
                          mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
      DelTree(UserDataDir(), True, True, True);
  end;
end;
