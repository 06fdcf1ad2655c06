#!/usr/bin/env pwsh
#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, migrates and benchmarks Campaign Dashboard on Windows, Linux and macOS (PowerShell 7).
.PARAMETER Target
    Build            Release build of the solution.
    Test             Every test (the README's test command).
    IntegrationTests The SQL Server suite (test category SqlServer). Uses CAMPAIGN_TEST_SQLSERVER when set,
                     else LocalDB on Windows (started here when installed), else Docker through Testcontainers.
    Bench            The performance benchmark (the command line's bench verb); figures go to docs/performance.md.
    Migrate          Applies the database migrations to the configured database (Database__Provider,
                     ConnectionStrings__Campaign) and exits.
.EXAMPLE
    ./build.ps1 -Target IntegrationTests
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'IntegrationTests', 'Bench', 'Migrate')]
    [string] $Target = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location -Path $PSScriptRoot

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE"
    }
}

function Start-LocalDbIfPresent {
    if (-not $IsWindows) {
        Write-Host 'LocalDB exists only on Windows; set CAMPAIGN_TEST_SQLSERVER or run Docker for the SQL Server suite.'
        return
    }
    if (-not (Get-Command sqllocaldb -ErrorAction SilentlyContinue)) {
        Write-Host 'sqllocaldb is not installed; the SQL Server suite will look for CAMPAIGN_TEST_SQLSERVER or Docker.'
        return
    }
    & sqllocaldb start MSSQLLocalDB | Out-Host
    if ($LASTEXITCODE -ne 0) {
        & sqllocaldb create MSSQLLocalDB -s | Out-Host
    }
}

switch ($Target) {
    'Build' {
        Invoke-Dotnet build CampaignDashboard.sln --configuration $Configuration
    }
    'Test' {
        Invoke-Dotnet test CampaignDashboard.sln --configuration $Configuration
    }
    'IntegrationTests' {
        Start-LocalDbIfPresent
        Invoke-Dotnet test tests/CampaignDashboard.Api.Tests --configuration $Configuration --filter 'TestCategory=SqlServer'
    }
    'Bench' {
        Invoke-Dotnet run --project src/Cli --configuration Release -- bench
    }
    'Migrate' {
        Invoke-Dotnet run --project src/Api --configuration $Configuration --no-launch-profile -- --migrate-only
    }
}
