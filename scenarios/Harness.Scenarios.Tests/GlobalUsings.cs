global using Harness.Client.Configuration;
global using Harness.Client.Models;
global using Harness.Scenarios.Journeys;
global using Harness.Scenarios.Model;
global using Harness.Scenarios.Steps;
global using Harness.Scenarios.Targets;
global using Harness.Scenarios.Tests.Support;
global using Xunit.Abstractions;
