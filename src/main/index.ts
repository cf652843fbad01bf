/**
 * Electron main: lifecycle, the one window, security, menu, and wiring contract → core.
 * All real work lives in src/core (services) and src/worker (model host).
 */
import { join } from 'node:path'
import { BrowserWindow, app, shell } from 'electron'
import { createServices, type Services } from '../core/services'
import { bindContract } from './ipc'
import { electronSpawner } from './host-spawn'
import { installMenu } from './menu'
import { loadWindowState, trackWindowState } from './window-state'

// Tests and portable setups point the user-data folder elsewhere before anything reads it.
if (process.env.LLMX_USER_DATA) app.setPath('userData', process.env.LLMX_USER_DATA)

if (!app.requestSingleInstanceLock()) app.quit()

let services: Services | null = null
let mainWindow: BrowserWindow | null = null
const here = import.meta.dirname

function resourcesDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'app.asar.unpacked', 'resources') : join(app.getAppPath(), 'resources')
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData')
  const state = loadWindowState(userData)
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'LLM Explorer',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  if (state.maximized) win.maximize()
  trackWindowState(win, userData)
  win.once('ready-to-show', () => win.show())
  // No navigation away from the app, no new windows; http(s) links open in the system browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

void app.whenReady().then(async () => {
  installMenu()
  services = await createServices({
    userDataDir: app.getPath('userData'),
    resourcesDir: resourcesDir(),
    transport: 'electron',
    version: app.getVersion(),
    spawnHost: electronSpawner(join(here, 'worker.js'))
  })
  bindContract(services)
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('before-quit', () => services?.dispose())
