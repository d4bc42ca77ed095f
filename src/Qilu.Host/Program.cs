using Qilu.Host;

return HostCommands.Build().Parse(args).Invoke();
