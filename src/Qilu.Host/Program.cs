using Qilu.Host;

return await HostCommands.Build().Parse(args).InvokeAsync();
