; Compiles build/installer.nsh outside electron-builder with Debian's makensis (scripts/check-package.mjs step 0),
; so a syntax error in FisCool's NSIS page or install steps fails CI instead of the Windows build machine.
; makensis -V2 -DOUT=/tmp/check.exe build/windows/installer-check.nsi
!define APP_EXECUTABLE_FILENAME "FisCool.exe"
Unicode true
!include MUI2.nsh
Name "FisCool installer check"
OutFile "${OUT}"
InstallDir "$PROGRAMFILES64\FisCool"
RequestExecutionLevel admin
!include "../installer.nsh"
Function .onInit
  !insertmacro customInit
FunctionEnd
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro customPageAfterChangeDir
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
Section "main"
  SetOutPath "$INSTDIR\resources"
  !insertmacro customInstall
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd
Section "Uninstall"
  !insertmacro customUnInstall
SectionEnd
