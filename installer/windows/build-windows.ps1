# Build the Windows installer on a Windows machine (PowerShell 5+, x64):
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
# Needs: Python 3.11-3.13 x64 on PATH (py launcher or python), Inno Setup 6.4+ (ISCC.exe on PATH or
# in its default folder; `winget install JRSoftware.InnoSetup`).  No other tool.
# Steps (the same as installer/windows/build-on-linux.sh does under Wine):
#   1. a build venv (build\win-venv) with the program and PyInstaller;
#   2. PyInstaller -> dist\windows\renshe-desk\ (renshe-desk.exe: command line; RensheDesk.exe: no console);
#   3. smoke test of the frozen program (offscreen): --smoke-test, demo --year 2023,
#      report yearly --json --pdf, the published figures, the PDF written;
#   3b. --platform-check in a folder with Chinese characters and a space (data folder, network
#      paths, SQLite locking, the Credential Manager, fonts, printing; RENSHE_CHECK_NETWORK_DRIVE=N:
#      names a mapped network drive to be refused too — a real one, which Wine cannot give);
#   4. ISCC -> dist\RensheDesk-Setup-<version>.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$PyInstallerVersion = if ($env:PYINSTALLER_VERSION) { $env:PYINSTALLER_VERSION } else { "6.22.3" }

function Fail($what) { Write-Error "build-windows FAILED: $what"; exit 1 }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$exe $($arguments -join ' ') exited $LASTEXITCODE" }
}

# The version: pyproject.toml's, the one place.
$Version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
Write-Host "Renshe Desk $Version"

# 1. Build venv.
$venv = "build\win-venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) {
    $py = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
    Run $py @("-m", "venv", $venv)
}
$python = "$venv\Scripts\python.exe"
Run $python @("-m", "pip", "install", "-q", "--upgrade", "pip")
Run $python @("-m", "pip", "install", "-q", ".", "pyinstaller==$PyInstallerVersion")

# 2. PyInstaller.
if (Test-Path dist\windows\renshe-desk) { Remove-Item -Recurse -Force dist\windows\renshe-desk }
Run $python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist\windows",
              "--workpath", "build\windows", "installer\renshe-desk.spec")
$exe = (Resolve-Path "dist\windows\renshe-desk\renshe-desk.exe").Path
"{0,-40} {1:N0} MB" -f "dist\windows\renshe-desk", ((Get-ChildItem -Recurse dist\windows\renshe-desk | Measure-Object Length -Sum).Sum / 1MB)

# 3. Smoke test, in a folder whose name has Chinese characters and a space.
$env:QT_QPA_PLATFORM = "offscreen"
$scratch = Join-Path $env:TEMP ("renshe-smoke-" + [guid]::NewGuid() + "\冒烟 测试")
New-Item -ItemType Directory -Force $scratch | Out-Null
$smokeDb = "sqlite:///" + (Join-Path $scratch "smoke.db").Replace("\", "/")
$demoDb = "sqlite:///" + (Join-Path $scratch "demo.db").Replace("\", "/")
$pdf = Join-Path $scratch "年报 2023.pdf"
Run $exe @("--version")
Run $exe @("--db", $smokeDb, "--smoke-test")
Run $exe @("demo", "--year", "2023", "--db", $demoDb)
$json = & $exe report yearly --year 2023 --json --pdf $pdf --db $demoDb
if ($LASTEXITCODE -ne 0) { Fail "report yearly" }
$figures = ($json -join "`n") | ConvertFrom-Json
$expected = @{ complaints_received = 861; workers_recovered = 1020; wages_recovered_wan_yuan = "523.30";
               projects_active = 12; project_compliance_rate = "95.45"; arbitration_received = 757;
               arbitration_accepted = 673; arbitration_not_accepted = 84; arbitration_amount_wan_yuan = "4965.37";
               arbitration_closed_award_or_mediation = 660; arbitration_pending = 13;
               mediation_online_handled = 54; mediation_online_successful = 27; certified_staff = 17 }
foreach ($key in $expected.Keys) {
    if ("$($figures.$key)" -ne "$($expected[$key])") { Fail "figure $key is $($figures.$key), expected $($expected[$key])" }
}
if (-not (Test-Path $pdf) -or (Get-Item $pdf).Length -eq 0) { Fail "no PDF written" }
# The font embedded: the PDF names the shipped font's subset.
if (-not (Select-String -Path $pdf -Pattern "WenQuanYiMicroHei" -SimpleMatch -Quiet)) { Fail "the PDF does not embed the Chinese font" }
Write-Host "smoke test passed"

# 3b. The Windows-specific code, for real (ui/platform_check.py).
$checkDir = Join-Path (Split-Path $scratch) "张伟\案件 导出"
Run $exe @("--platform-check", $checkDir)

# 4. Inno Setup.
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe" }
    }
}
if (-not $iscc) { Fail "ISCC.exe not found: install Inno Setup 6 (winget install JRSoftware.InnoSetup)" }
Run $iscc @("/Q", "/DAppVersion=$Version", "/DSourceDir=$((Resolve-Path dist\windows\renshe-desk).Path)",
            "/DOutputDir=$((Resolve-Path dist).Path)", "installer\windows\renshe-desk.iss")
$setup = "dist\RensheDesk-Setup-$Version.exe"
"{0,-40} {1:N0} MB" -f $setup, ((Get-Item $setup).Length / 1MB)
