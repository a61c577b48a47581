; FisCool's additions to electron-builder's NSIS installer (per-machine install, see electron-builder.yml):
;  - a page after the directory page with two choices:
;      [x] Start FisCool when a user logs in          -> $INSTDIR\resources\start-at-login.json
;      [ ] Run the hub as a background service        -> a scheduled task at system start, as SYSTEM, running
;                                                        "FisCool.exe --headless --data-dir %ProgramData%\FisCool"
;  - the same choices for silent installs: FisCool-Setup.exe /S /START_AT_LOGIN=0 /SERVICE=1
; The app reads start-at-login.json on its first run and registers the login item itself (per user); a user's own
; choice in the tray menu wins afterwards (src-main/electron/model/start-at-login.ts).

!include nsDialogs.nsh
!include LogicLib.nsh
!include FileFunc.nsh

Var FiscoolStartAtLogin
Var FiscoolService
Var FiscoolStartBox
Var FiscoolServiceBox

!macro customInit
  StrCpy $FiscoolStartAtLogin 1
  StrCpy $FiscoolService 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/START_AT_LOGIN=" $R1
  ${IfNot} ${Errors}
    StrCpy $FiscoolStartAtLogin $R1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/SERVICE=" $R1
  ${IfNot} ${Errors}
    StrCpy $FiscoolService $R1
  ${EndIf}
!macroend

!macro customPageAfterChangeDir
  Page custom FiscoolOptionsPage FiscoolOptionsLeave

  Function FiscoolOptionsPage
    nsDialogs::Create 1018
    Pop $0
    ${NSD_CreateLabel} 0 0 100% 24u "Cum pornește FisCool / How FisCool starts"
    Pop $0
    ${NSD_CreateCheckbox} 0 30u 100% 14u "Pornește FisCool la deschiderea sesiunii / Start FisCool when a user logs in"
    Pop $FiscoolStartBox
    ${If} $FiscoolStartAtLogin == 1
      ${NSD_Check} $FiscoolStartBox
    ${EndIf}
    ${NSD_CreateCheckbox} 0 50u 100% 14u "Rulează hubul ca serviciu la pornirea Windows (server) / Run the hub as a background service (server)"
    Pop $FiscoolServiceBox
    ${If} $FiscoolService == 1
      ${NSD_Check} $FiscoolServiceBox
    ${EndIf}
    ${NSD_CreateLabel} 0 70u 100% 36u "Serviciul rulează fără interfață; interfața se deschide în browser la http://127.0.0.1:10123/app/. / The service runs without a window; open the GUI in a browser at http://127.0.0.1:10123/app/."
    Pop $0
    nsDialogs::Show
  FunctionEnd

  Function FiscoolOptionsLeave
    ${NSD_GetState} $FiscoolStartBox $FiscoolStartAtLogin
    ${If} $FiscoolStartAtLogin == ${BST_CHECKED}
      StrCpy $FiscoolStartAtLogin 1
    ${Else}
      StrCpy $FiscoolStartAtLogin 0
    ${EndIf}
    ${NSD_GetState} $FiscoolServiceBox $FiscoolService
    ${If} $FiscoolService == ${BST_CHECKED}
      StrCpy $FiscoolService 1
    ${Else}
      StrCpy $FiscoolService 0
    ${EndIf}
  FunctionEnd
!macroend

!macro customInstall
  ${If} $FiscoolStartAtLogin == 1
    FileOpen $0 "$INSTDIR\resources\start-at-login.json" w
    FileWrite $0 '{"start_at_login": true}$\r$\n'
    FileClose $0
  ${Else}
    FileOpen $0 "$INSTDIR\resources\start-at-login.json" w
    FileWrite $0 '{"start_at_login": false}$\r$\n'
    FileClose $0
  ${EndIf}
  ${If} $FiscoolService == 1
    ; Per-machine install: the shell context is "all", so $APPDATA is %ProgramData%.
    SetShellVarContext all
    CreateDirectory "$APPDATA\FisCool"
    nsExec::ExecToLog 'schtasks /Create /F /TN "FisCool hub" /SC ONSTART /RU SYSTEM /RL HIGHEST /TR "\"$INSTDIR\${APP_EXECUTABLE_FILENAME}\" --headless --data-dir \"$APPDATA\FisCool\""'
    nsExec::ExecToLog 'schtasks /Run /TN "FisCool hub"'
  ${EndIf}
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'schtasks /End /TN "FisCool hub"'
  nsExec::ExecToLog 'schtasks /Delete /F /TN "FisCool hub"'
!macroend
