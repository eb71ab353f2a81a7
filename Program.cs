// The experiments in experiments/*.yaml are compiled into this assembly by the source generator
// and register themselves; the command line lives in the runtime library.
return ExperimentKit.Cli.CommandLine.Run(args);
