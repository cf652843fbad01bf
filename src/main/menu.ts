/** The application menu: standard roles, plus help links. Labels follow the OS language via roles. */
import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron'

export function installMenu(): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `LLM Explorer ${app.getVersion()}`, enabled: false },
        { label: 'Open user data folder', click: () => void shell.openPath(app.getPath('userData')) }
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
