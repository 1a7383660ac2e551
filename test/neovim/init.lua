-- Headless Neovim as a second LSP client for the SourceLens server (test/robustness/neovimClient.test.ts).
-- Environment: SOURCELENS_SERVER (server/out/server.js), SOURCELENS_ROOT (a copy of the corpus's
-- workspace), SOURCELENS_ARTICLE (article path inside it), SOURCELENS_OUT (JSON results file),
-- SOURCELENS_MIN_ARTICLES (wait until the server reports this many articles indexed).
-- Uses only the APIs of Neovim 0.7 (Debian bookworm): vim.lsp.start_client + buf_attach_client.
local server = os.getenv('SOURCELENS_SERVER')
local root = os.getenv('SOURCELENS_ROOT')
local article = os.getenv('SOURCELENS_ARTICLE')
local out = os.getenv('SOURCELENS_OUT')
local min_articles = tonumber(os.getenv('SOURCELENS_MIN_ARTICLES') or '1')
local results = { nvim = vim.version(), steps = {}, statuses = {} }

local function finish(code)
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd((code == 0) and 'qa!' or 'cq!')
end

local ok, err = pcall(function()
  local ready = false
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. article))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'article'
  local client_id = vim.lsp.start_client({
    name = 'sourcelens',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'corpus' } },
    settings = { sourcelens = {} },
    handlers = {
      ['sourcelens/status'] = function(_, params)
        table.insert(results.statuses, params)
        -- "ready" also follows the opened buffer alone: wait for the whole corpus.
        if params and params.state == 'ready' and (params.articles or 0) >= min_articles then ready = true end
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  table.insert(results.steps, 'started')
  assert(vim.wait(90000, function() return ready end, 50), 'the server never reported ready')
  table.insert(results.steps, 'ready')
  local client = vim.lsp.get_client_by_id(client_id)

  -- The position of "Maliki" in "Maliki issued", in UTF-16 code units (the client's offset encoding).
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local line, col
  for i, l in ipairs(lines) do
    local s = l:find('Maliki issued', 1, true)
    if s then
      local _, utf16 = vim.str_utfindex(l, s - 1)
      line, col = i - 1, utf16 + 2
      break
    end
  end
  assert(line, '"Maliki issued" not found in the article')
  results.position = { line = line, character = col }
  local doc = { uri = vim.uri_from_bufnr(bufnr) }
  results.uri = doc.uri

  local hover = client.request_sync('textDocument/hover', { textDocument = doc, position = results.position }, 20000, bufnr)
  assert(hover, 'hover timed out')
  results.hover = hover.result
  results.hoverError = hover.err
  table.insert(results.steps, 'hover')

  local refs = client.request_sync('textDocument/references', { textDocument = doc, position = results.position, context = { includeDeclaration = false } }, 20000, bufnr)
  assert(refs, 'references timed out')
  results.references = refs.result
  results.referencesError = refs.err
  table.insert(results.steps, 'references')

  -- The same through Neovim's own user-facing function (what `gr` style mappings call).
  local all = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', { textDocument = doc, position = results.position }, 20000)
  results.definition = all and all[client_id] and all[client_id].result or vim.NIL
  table.insert(results.steps, 'definition')

  client.stop()
end)
if not ok then
  results.error = tostring(err)
  finish(1)
else
  finish(0)
end
